package dev.lectern.server.http;

import java.util.List;

/**
 * One page of a paginated list.
 *
 * @param items the page's items
 * @param total how many there are in all
 * @param page the page's number, from 1
 * @param size the most items a page holds
 * @param <T> the items' type
 */
public record PageOf<T>(List<T> items, long total, int page, int size) {}
