/** migrate-repo's database side: this repository's tables read with JDBC, the target written with JDBC and Flyway. */
package dev.tusk.media.infrastructure.migration;
