package dev.lectern.server.http;

/**
 * The JSON body of every API error.
 *
 * @param error what is wrong, for people
 * @param field the request field at fault, or null
 */
record ErrorBody(String error, String field) {}
