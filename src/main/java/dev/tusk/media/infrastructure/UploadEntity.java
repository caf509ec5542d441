package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code uploads}: empty while the upload is ingested, then its result. */
@Entity
@Table(name = "uploads")
public class UploadEntity {
    @Id @Column(name = "id") UUID id;
    @Column(name = "result") @ColumnTransformer(read = "result::text", write = "cast(? as jsonb)") String result;
    @Column(name = "created_at", nullable = false) OffsetDateTime createdAt;
}
