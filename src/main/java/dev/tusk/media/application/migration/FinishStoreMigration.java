package dev.tusk.media.application.migration;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step of a completed store migration: store_migrations is cleared (the old files are kept). */
@Named
@Dependent
public class FinishStoreMigration extends AbstractBatchlet {

    @Inject MigrationLedger ledger;

    @Override
    public String process() {
        ledger.clear();
        return "COMPLETED";
    }
}
