/** What the server trains on: the engine's real build, the devices it can use, the system page and the doctor check. */
package dev.lectern.server.system;
