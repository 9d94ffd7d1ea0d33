package io.kontor.platform.web;

import java.util.List;

/** One page of a list answer: {@code {items, page, size, total}} (API.md). */
public record Page<T>(List<T> items, int page, int size, long total) {}
