/**
 * What the services' settings share: Go-style durations, converters that refuse a value out of
 * range naming its key, and {@code SettingsMappings}, which hands the settings interfaces
 * ({@code @ConfigMapping}) to SmallRye Config.
 */
package dev.tusk.platform.config;
