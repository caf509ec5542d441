/**
 * The UDP tracker protocol (BEP 15, with BEP 41's options): the packet codec, stateless
 * connection ids, the answers (from the same swarm cache, approval list, limits and metrics as
 * HTTP announces) and the sockets with their managed threads.
 */
package dev.tusk.tracker.api.udp;
