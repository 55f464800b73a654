package eventlens.app.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.control.TableColumnBase;

/**
 * Makes a table's first cells a column at a time, for a warm-up: the first row of a table costs far more than the
 * next (its row and cell skins, their behaviours, a style lookup for each new kind of cell, all in code the JIT has
 * not compiled yet): two made-up rows of the Flows list took 56–132 ms of the FX thread in the window's first
 * seconds, one task. Here a step hides every column but the first (the headers are made again), the next adds a
 * row, and each next one shows one more column, so that each pays for one column's first cells (10–45 ms each,
 * 2026-12-03).
 *
 * <p>A step that finds the warm-up over ({@code stillWarming} false: real rows came) shows every column hidden at once;
 * so does {@link #showAll()}, which the warm-up's end calls in any case.
 */
public final class ColumnsInTurn {
    private final Parent table;
    private final List<? extends TableColumnBase<?, ?>> columns;
    private final List<TableColumnBase<?, ?>> hidden = new ArrayList<>();

    public ColumnsInTurn(Parent table, List<? extends TableColumnBase<?, ?>> columns) {
        this.table = table;
        this.columns = columns;
    }

    /**
     * The steps, a task each: hide the columns after the first; run {@code firstRow} (which gives the table one
     * made-up row); then show the hidden columns one a step. Each step styles and lays the table out.
     */
    public List<Runnable> steps(Runnable firstRow, BooleanSupplier stillWarming) {
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> {
            if (stillWarming.getAsBoolean()) {
                hideAllButFirst();
                styleAndLayOut(); // the headers are made again: a task of its own
            }
        });
        steps.add(() -> {
            if (stillWarming.getAsBoolean()) {
                firstRow.run();
                styleAndLayOut();
            } else {
                showAll();
            }
        });
        for (int i = 1; i < columns.size(); i++) {
            steps.add(() -> {
                if (stillWarming.getAsBoolean()) {
                    showNext();
                } else {
                    showAll();
                }
            });
        }
        return steps;
    }

    private void hideAllButFirst() {
        for (int i = 1; i < columns.size(); i++) {
            TableColumnBase<?, ?> c = columns.get(i);
            if (c.isVisible()) {
                c.setVisible(false);
                hidden.add(c);
            }
        }
    }

    private void showNext() {
        if (!hidden.isEmpty()) {
            hidden.removeFirst().setVisible(true);
            styleAndLayOut();
        }
    }

    private void styleAndLayOut() {
        table.applyCss();
        table.layout();
    }

    /** Shows every column still hidden by the warm-up. */
    public void showAll() {
        for (TableColumnBase<?, ?> c : hidden) {
            c.setVisible(true);
        }
        hidden.clear();
    }
}
