/** HTTP: routes, the JSON API, Server-Sent Events, server-rendered pages, errors and access control. */
package dev.lectern.server.http;
