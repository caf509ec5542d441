package dev.tusk.media.application.migration;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * store_migrations, each record committed on its own as soon as its file is copied: a run that
 * stops or is killed before its chunk commits finds the copy recorded and does not make it again.
 */
@ApplicationScoped
public class MigrationLedger {

    @Inject MediaRepository.StoreMigrations migrations;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void copied(FileIdentifier oldIdentifier, FileIdentifier newIdentifier) {
        migrations.markMigrated(oldIdentifier, newIdentifier);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<FileIdentifier> copyOf(FileIdentifier oldIdentifier) {
        return migrations.migrated(oldIdentifier);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clear() {
        migrations.clear();
    }
}
