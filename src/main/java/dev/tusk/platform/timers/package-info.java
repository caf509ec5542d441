/** Periodic work (GC, sweeps, gauges) as {@code PeriodicTask} beans, run by the one {@code PeriodicTasks} scheduler. */
package dev.tusk.platform.timers;
