/** Reading an operator's existing MoChi configuration file. */
package dev.tusk.tracker.infrastructure.mochi;
