package eventlens.app.probe;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.Timeline;

/**
 * What keeps JavaFX pulsing: the animations and animation timers registered with its primary timer,
 * named by class (and, for a timeline, by the class of its key frames' handlers, which is where it was
 * made). Read through reflection from JavaFX internals, for the probe's report only; when JavaFX changes
 * its insides the list says so instead of failing.
 */
final class RunningAnimations {
    private RunningAnimations() {
    }

    /** The running animations; call on the FX thread. */
    static List<String> now() {
        List<String> out = new ArrayList<>();
        try {
            Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
            Class<?> type = Class.forName("com.sun.scenario.animation.AbstractPrimaryTimer");
            collect(timer, type, "receivers", "receiversLength", out);
            collect(timer, type, "animationTimers", "animationTimersLength", out);
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.add("(cannot list animations: " + e + ")");
        }
        return out;
    }

    private static void collect(Object timer, Class<?> type, String array, String length, List<String> out)
            throws ReflectiveOperationException {
        Object items = field(type, array).get(timer);
        int n = field(type, length).getInt(timer);
        for (int i = 0; i < n; i++) {
            Object receiver = Array.get(items, i);
            Object owner = outer(receiver);
            out.add(describe(owner != null ? owner : receiver));
        }
    }

    private static String describe(Object o) {
        if (o instanceof Timeline t) {
            StringBuilder s = new StringBuilder("Timeline");
            t.getKeyFrames().forEach(k -> {
                if (k.getOnFinished() != null) {
                    s.append(' ').append(k.getOnFinished().getClass().getName());
                }
            });
            return s.append(t.getCycleCount() == Animation.INDEFINITE ? " (indefinite)" : "").toString();
        }
        return o.getClass().getName();
    }

    private static Object outer(Object inner) {
        for (Class<?> c = inner.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().startsWith("this$")) {
                    try {
                        f.setAccessible(true);
                        return f.get(inner);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
