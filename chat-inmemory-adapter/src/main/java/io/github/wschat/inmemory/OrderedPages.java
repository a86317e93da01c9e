package io.github.wschat.inmemory;

import io.github.wschat.core.port.out.PageCursor;
import io.github.wschat.core.port.out.PageRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Pages of a map ordered by a string key, built on demand: a page's cursor is its last key, so an
 * iteration returns every entry that stays in the map throughout exactly once, while others change it.
 */
final class OrderedPages {

    /** One page: its entries, and the cursor of the next page, {@code null} on the last. */
    record Page<V>(List<V> values, PageCursor next) {
    }

    private OrderedPages() {
    }

    static <V> Page<V> page(ConcurrentSkipListMap<String, V> map, PageRequest request) {
        ConcurrentNavigableMap<String, V> rest = request.cursor()
                .map(cursor -> map.tailMap(cursor.token(), false))
                .orElse(map);
        Iterator<Map.Entry<String, V>> iterator = rest.entrySet().iterator();
        List<V> page = new ArrayList<>(Math.min(request.size(), 1024));
        String lastKey = null;
        while (page.size() < request.size() && iterator.hasNext()) {
            Map.Entry<String, V> entry = iterator.next();
            page.add(entry.getValue());
            lastKey = entry.getKey();
        }
        return new Page<>(page, iterator.hasNext() && lastKey != null ? PageCursor.of(lastKey) : null);
    }
}
