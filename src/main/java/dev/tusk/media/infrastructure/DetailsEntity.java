package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code details}: an identifier's details as JSON. */
@Entity
@Table(name = "details")
public class DetailsEntity {
    @Id @Column(name = "identifier") String identifier;
    @Column(name = "json", nullable = false) @ColumnTransformer(read = "json::text", write = "cast(? as jsonb)") String json;
}
