/** The KV store over HTTP: /kv/{namespace}/{key} for clients, /api/admin/kv for operators. */
package dev.tusk.kv.api;
