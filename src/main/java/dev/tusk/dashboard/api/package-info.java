/** {@code /api/admin/dashboard}: the history since a time, and the stores' readiness. */
package dev.tusk.dashboard.api;
