/** Jakarta Batch jobs for operators: their parameters checked, launched, listed, stopped and restarted. */
package dev.tusk.platform.batch;
