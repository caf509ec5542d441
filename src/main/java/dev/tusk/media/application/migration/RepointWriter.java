package dev.tusk.media.application.migration;

import dev.tusk.media.domain.MediaRepository;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** Points the repository at the copies, in the chunk's transaction; details follow each file. */
@Named
@Dependent
public class RepointWriter extends AbstractItemWriter {

    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            Repoint r = (Repoint) item;
            for (Map.Entry<String, Repoint.Moved> v : r.variants().entrySet()) {
                follow(v.getValue());
                variants.updateIdentifier(r.hash(), v.getKey(), v.getValue().to());
            }
            if (r.motion() != null) {
                follow(r.motion());
                hashes.relateMotionIdentifier(r.hash(), r.motion().to());
            }
            if (r.original() != null) {
                follow(r.original());
                hashes.updateIdentifier(r.hash(), r.original().to());
            }
        }
    }

    private void follow(Repoint.Moved m) {
        details.get(m.from()).ifPresent(d -> details.relate(m.to(), d));
    }
}
