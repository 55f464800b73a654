package eventlens.app.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import eventlens.app.work.SameThreadWork;
import eventlens.importers.ImportInput;
import eventlens.importers.ImportListener;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportService;
import eventlens.importers.ImporterRegistry;
import eventlens.model.schema.DriftChange;
import eventlens.model.schema.TypeSchema;
import eventlens.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Schemas view's model on samples/schema-drift.jsonl, without a window. */
class SchemasViewModelTest {
    @TempDir
    Path dir;

    private ProjectStore sampleProject() throws Exception {
        ProjectStore store = ProjectStore.open(dir.resolve("p.eventlens"));
        new ImportService(ImporterRegistry.standard()).run(store, List.of(ImportInput.of(Path.of("samples/schema-drift.jsonl"))),
                null, ImportOptions.AUTOMATIC, ImportListener.NONE);
        return store;
    }

    @Test
    void nothingIsReadUntilTheViewIsShownThenTypesTreeAndDriftAreListed() throws Exception {
        try (ProjectStore store = sampleProject()) {
            SchemasViewModel model = new SchemasViewModel(new SameThreadWork());
            model.setStore(store);
            assertThat(model.types()).isEmpty();
            model.setShown(true);
            assertThat(model.types()).extracting(TypeSchema::label)
                    .containsExactly("CustomerRegistered", "OrderPlaced@1", "OrderPlaced@2", "PaymentCaptured");
            assertThat(model.messageProperty().get()).isEqualTo("3 types, 2 declared versions, 8 changes of shape");
            assertThat(model.selectedProperty().get().label()).as("a type whose shape changed").isEqualTo("CustomerRegistered");
            model.select(null);
            assertThat(model.drift()).hasSize(8);

            model.select(model.types().getFirst());
            FieldRow root = model.fieldsProperty().get();
            assertThat(root.children()).extracting(r -> r.field().name())
                    .containsExactly("age", "customerId", "email", "fullName", "name", "phone", "tier");
            FieldRow email = root.children().get(2);
            assertThat(email.presence()).isEqualTo(10 / 14.0);
            assertThat(root.children().getLast().values()).isEqualTo("one of \"gold\", \"silver\", \"bronze\"");
            assertThat(model.drift()).extracting(DriftChange::type).containsOnly("CustomerRegistered").hasSize(4);
        }
    }

    @Test
    void nestedFieldsHangUnderTheirArrayElement() throws Exception {
        try (ProjectStore store = sampleProject()) {
            SchemasViewModel model = new SchemasViewModel(new SameThreadWork());
            model.setStore(store);
            model.setShown(true);
            model.select(model.types().get(2));
            FieldRow items = model.fieldsProperty().get().children().stream()
                    .filter(r -> r.field().path().equals("items")).findFirst().orElseThrow();
            assertThat(items.children()).singleElement().satisfies(element -> {
                assertThat(element.field().name()).isEqualTo("[]");
                assertThat(element.children()).extracting(r -> r.field().path())
                        .containsExactly("items[].productId", "items[].quantity");
            });
        }
    }

    @Test
    void aChangeAndAFailureOpenTheirEventInTheEventsView() throws Exception {
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("CustomerRegistered.json"), "{\"type\":\"object\",\"required\":[\"email\"]}");
        try (ProjectStore store = sampleProject()) {
            SchemasViewModel model = new SchemasViewModel(new SameThreadWork());
            List<String> shown = new ArrayList<>();
            model.setShowInEvents(shown::add);
            model.setStore(store);
            model.setShown(true);
            model.openEvent(model.drift().getFirst().first());
            model.validate(schemas);
            assertThat(model.failures()).extracting(f -> f.eventId())
                    .containsExactly("evt-sd-029", "evt-sd-031", "evt-sd-034", "evt-sd-037");
            assertThat(model.validationProperty().get()).startsWith("14 events checked, 4 invalid, 24 without a schema file "
                    + "(CustomerRegistered required 4)");
            model.openEvent(model.failures().get(1));
            assertThat(shown).containsExactly("id:evt-sd-029", "id:evt-sd-031");

            model.reload();
            assertThat(model.failures()).as("kept in the project").hasSize(4);
            assertThat(model.validationProperty().get()).startsWith("4 failures from the last validation against");
        }
    }

    @Test
    void aBadFolderIsAShortMessage() throws Exception {
        try (ProjectStore store = sampleProject()) {
            SchemasViewModel model = new SchemasViewModel(new SameThreadWork());
            model.setStore(store);
            model.setShown(true);
            model.validate(dir.resolve("missing"));
            assertThat(model.validationProperty().get()).startsWith("Cannot validate: ").endsWith("not a folder of JSON Schema files");
            assertThat(model.busyProperty().get()).isFalse();
        }
    }
}
