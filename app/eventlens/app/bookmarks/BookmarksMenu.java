package eventlens.app.bookmarks;

import eventlens.model.store.Bookmarks.Bookmark;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The Bookmarks menu: add one here (Ctrl+D), the bookmarks dialog (Ctrl+Shift+D), then the most recent
 * bookmarks, each going there when chosen.
 */
public final class BookmarksMenu extends Menu {
    /** How many bookmarks the menu lists; the dialog lists them all. */
    static final int LISTED = 15;
    private final BookmarksViewModel model;
    private final int fixedItems;
    private final ListChangeListener<Bookmark> refill = c -> fill();

    /**
     * @param model the bookmarks
     * @param place where the user is, in words, for the dialog's header ("flows evt-1")
     * @param addHere bookmarks where the user is with the note given
     * @param owner the window the dialogs belong to
     */
    public BookmarksMenu(BookmarksViewModel model, Supplier<String> place, Consumer<String> addHere,
                         Supplier<Window> owner) {
        super("Bookmarks");
        setId("menu-bookmarks");
        this.model = model;
        MenuItem add = new MenuItem("Add bookmark…");
        add.setId("menu-add-bookmark");
        add.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        add.disableProperty().bind(model.writableProperty().not());
        add.setOnAction(e -> new NoteDialog(owner.get(), "Add bookmark", "Bookmark " + place.get(), "", "Add")
                .ask().ifPresent(addHere));
        MenuItem manage = new MenuItem("Bookmarks…");
        manage.setId("menu-manage-bookmarks");
        manage.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        manage.setOnAction(e -> BookmarksDialog.show(owner.get(), model));
        getItems().addAll(add, manage, new SeparatorMenuItem());
        fixedItems = getItems().size();
        model.bookmarks().addListener(refill);
        fill();
    }

    /** Stops following the bookmarks (the view model outlives the window). */
    public void dispose() {
        model.bookmarks().removeListener(refill);
    }

    private void fill() {
        getItems().remove(fixedItems, getItems().size());
        var all = model.bookmarks();
        if (all.isEmpty()) {
            MenuItem none = new MenuItem("No bookmarks in this project");
            none.setDisable(true);
            getItems().add(none);
            return;
        }
        // The newest first: what was bookmarked last is what is looked for next.
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - LISTED); i--) {
            Bookmark b = all.get(i);
            MenuItem item = new MenuItem(BookmarksViewModel.describe(b));
            item.setMnemonicParsing(false);
            item.setId("menu-bookmark-" + b.id());
            item.setOnAction(e -> model.open(b));
            getItems().add(item);
        }
    }
}
