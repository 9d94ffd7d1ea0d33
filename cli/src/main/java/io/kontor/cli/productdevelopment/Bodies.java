package io.kontor.cli.productdevelopment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Request bodies without the options nobody gave: the service takes a missing field as "none". */
final class Bodies {

    private Bodies() {}

    static ObjectNode withoutNulls(ObjectNode body) {
        List<String> unset = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                unset.add(field.getKey());
            }
        });
        body.remove(unset);
        return body;
    }
}
