/**
 * Server-rendered pages: precompiled JTE templates, the page records they render and the static assets.
 * Nothing here knows HTTP or SQL; the server builds page records and asks {@link dev.lectern.web.Templates}
 * to render them.
 */
package dev.lectern.web;
