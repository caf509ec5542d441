package dev.tusk.tracker.application.migration;

import dev.tusk.tracker.domain.StoreContents;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Writes a chunk of items into a store; the store makes a rewrite harmless. */
@Named
@Dependent
public class StoreContentsWriter extends AbstractItemWriter {

    @Inject @BatchProperty String store;
    @Inject @Any Instance<StoreContents> stores;

    private StoreContents contents;

    @Override
    public void open(Serializable checkpoint) {
        contents = stores.select(NamedLiteral.of(store)).get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        contents.write((List<? extends StoreContents.Item>) (List<?>) items);
    }
}
