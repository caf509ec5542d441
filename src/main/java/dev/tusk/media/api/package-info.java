/** pict-rs's HTTP API: uploads, originals, details, thumbnails, deletion, health and internal endpoints. */
package dev.tusk.media.api;
