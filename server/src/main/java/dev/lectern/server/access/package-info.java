/** Who makes a request (the viewer and their role): what every feature asks before showing or changing a run. */
package dev.lectern.server.access;
