/** The metrics history the dashboard charts (MeterHistory, SeriesBuffer). */
package dev.tusk.dashboard.application;
