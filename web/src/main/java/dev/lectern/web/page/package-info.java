/** Display-ready records, one per page, built by the server and rendered by the templates. */
package dev.lectern.web.page;
