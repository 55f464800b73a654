package eventlens.launcher;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on a Java older than the app
 * needs it says so in one line, naming a newer JDK found on this machine to run it with, instead of
 * failing with {@code UnsupportedClassVersionError}; on a recent Java it hands over to
 * {@code eventlens.cli.Main}. It uses nothing newer than Java 8 (docs/decisions/0016-launcher-java-check.md).
 */
public final class Launcher {
    /** The Java feature version the app is compiled for (maven.compiler.release). */
    static final int NEEDED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version", "0"));
        if (running < NEEDED) {
            System.err.println(message(running, System.getProperty("java.home", "?"), newest(candidates()),
                    jar(), args));
            System.exit(1);
        }
        if (needsRelaunch(running, args)) {
            Integer code = relaunch(running, args);
            if (code != null) {
                System.exit(code);
            }
        }
        try {
            Class.forName("eventlens.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Commands that load the script engine or JavaFX, whose libraries use {@code sun.misc.Unsafe}. */
    private static final List<String> UNSAFE_USERS = java.util.Arrays.asList("gui", "replay", "dlq", "benchmark");
    /** Set on the relaunched JVM, so that it never relaunches again. */
    static final String RELAUNCHED = "eventlens.relaunched";

    /**
     * From Java 24 on, the first use of {@code sun.misc.Unsafe} by GraalJS or JavaFX prints four warning
     * lines before the command's output, and only a JVM option turns them off (setting the property at
     * run time is too late; the manifest cannot carry it). Commands that load those libraries therefore
     * run in a second JVM started with {@code --sun-misc-unsafe-memory-access=allow}, as
     * {@code mvn javafx:run} is: about 0.1 s more, in exchange for clean output. So does {@code import} on Java 25
     * and later when the build left an AOT cache beside the jar ({@link #aotOptions}): seconds less on a big log.
     */
    static boolean needsRelaunch(int running, String[] args) {
        if (running < 24 || Boolean.getBoolean(RELAUNCHED)) {
            return false;
        }
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--sun-misc-unsafe-memory-access")) {
                return false;
            }
        }
        return args.length == 0 || UNSAFE_USERS.contains(args[0])
                || !aotOptions(running, args, aotCache(System.getProperty("java.class.path"))).isEmpty();
    }

    /** The commands the build's AOT cache was trained on, which it starts faster (decisions 0069 and 0073). */
    static final List<String> AOT_USERS = java.util.Arrays.asList("import", "replay");

    /** The name of the AOT cache the build makes beside the jar (decision 0069). */
    public static final String AOT_CACHE = "eventlens.aot";

    /**
     * The name of the window's AOT cache, trained on ZGC in a real window where the build has Xvfb (decision 0077):
     * the window's collector has no compressed pointers, so it cannot start from {@link #AOT_CACHE}.
     */
    public static final String GUI_AOT_CACHE = "eventlens-gui.aot";

    /**
     * The AOT cache beside the jar this JVM runs from, when the build made one after the jar; null otherwise (run
     * from classes, or a jar without a cache).
     */
    public static File aotCache(String classPath) {
        return aotCache(classPath, AOT_CACHE);
    }

    /** As {@link #aotCache(String)}, the cache named {@code name}. */
    public static File aotCache(String classPath, String name) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        File jar = new File(classPath).getAbsoluteFile();
        File cache = new File(jar.getParentFile(), name);
        return cache.isFile() && cache.lastModified() >= jar.lastModified() ? cache : null;
    }

    /**
     * The options that hand the window's cache {@code guiCache} to a command that opens the window on ZGC ({@code
     * window}: {@link #windowOptions}'s, empty when the user chose another collector, which the cache does not fit):
     * the window's first frame and its first showings of each view come sooner (decision 0077). Empty otherwise.
     */
    public static List<String> guiAotOptions(int running, String[] args, List<String> window, File guiCache) {
        return running >= 25 && guiCache != null && opensWindow(args) && window.contains("-XX:+UseZGC")
                ? cacheOptions(guiCache) : new ArrayList<String>();
    }

    /** {@code cache} handed to the JVM, quiet when it does not fit this JDK or jar. */
    private static List<String> cacheOptions(File cache) {
        List<String> options = new ArrayList<String>();
        options.add("-XX:AOTCache=" + cache.getPath());
        options.add("-Xlog:aot=off");
        options.add("-Xlog:cds=off");
        options.add("-Xlog:class+path=off");
        return options;
    }

    /**
     * The options that hand {@code cache} to an import or a replay on Java 25 and later (decisions 0069 and 0073): its
     * classes come loaded and linked, and its hot methods are compiled from the training's profiles instead of after
     * their own warm-up (1.6–3.9 s of a 1M-event import on two cores, 0.5–1.4 s of a 1M-event replay). A cache that
     * does not fit this JDK or jar is passed over in silence, and the command runs as it would without it. Empty for
     * other commands and Javas.
     */
    public static List<String> aotOptions(int running, String[] args, File cache) {
        return running >= 25 && cache != null && args.length > 0 && AOT_USERS.contains(args[0])
                ? cacheOptions(cache) : new ArrayList<String>();
    }

    /**
     * The window's collector: ZGC, whose pauses stay under a millisecond, where G1's default target lets a
     * young collection stop the window for 130–190 ms while a big flow loads or a replay runs (measured on
     * two cores, docs/decisions/0037-the-window-runs-on-zgc.md). For the commands that open a window, unless
     * the user chose a collector; the other commands keep the JVM's default, faster for batch work.
     */
    public static List<String> windowOptions(String[] args, List<String> userOptions) {
        boolean window = opensWindow(args);
        for (String o : userOptions) {
            if (o.startsWith("-XX:+Use") && o.endsWith("GC")) {
                return new ArrayList<String>();
            }
        }
        List<String> options = new ArrayList<String>();
        if (window) {
            options.add("-XX:+UseZGC");
        }
        return options;
    }

    /** Whether {@code args} is a command that opens the window: none, {@code gui} or {@code benchmark ui}. */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || "gui".equals(args[0])
                || args.length > 1 && "benchmark".equals(args[0]) && "ui".equals(args[1]);
    }

    /** Runs the command in a second JVM with the same options; its exit code, or null when it cannot start. */
    private static Integer relaunch(int running, String[] args) throws InterruptedException {
        List<String> command = new ArrayList<String>();
        command.add(new File(new File(System.getProperty("java.home"), "bin"), "java").getPath());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("--enable-native-access=ALL-UNNAMED");
        List<String> window = windowOptions(args, java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments());
        command.addAll(window);
        String classPath = System.getProperty("java.class.path");
        File cache = opensWindow(args) ? aotCache(classPath, GUI_AOT_CACHE) : aotCache(classPath);
        List<String> aot = opensWindow(args) ? guiAotOptions(running, args, window, cache)
                : aotOptions(running, args, cache);
        if (aot.isEmpty()) {
            cache = null; // none handed over: the jar keeps the path it was named by
        }
        command.addAll(aot);
        command.add("-D" + RELAUNCHED + "=true");
        command.add("-cp");
        // The cache knows the jar by the path it was trained on, an absolute one.
        command.add(cache != null ? new File(classPath).getAbsolutePath() : classPath);
        command.add(Launcher.class.getName());
        command.addAll(java.util.Arrays.asList(args));
        final Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return null; // run here, warnings and all
        }
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                child.destroy();
            }
        }));
        return child.waitFor();
    }

    /** The one line for a Java that is too old; {@code better} is a newer JDK's home, or null. */
    static String message(int running, String home, File better, String jar, String[] args) {
        StringBuilder s = new StringBuilder("eventlens: needs Java ").append(NEEDED).append(" or newer but runs on Java ")
                .append(running).append(" (").append(home).append("); ");
        if (better != null) {
            s.append("run it with ").append(new File(new File(better, "bin"), "java").getPath()).append(" -jar ")
                    .append(jar);
            for (String a : args) {
                s.append(' ').append(a.matches("[A-Za-z0-9_./:=,@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
            }
        } else {
            s.append("found none under JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.jdks or ~/.sdkman: install one, e.g. ")
                    .append("'apt-get install openjdk-").append(NEEDED).append("-jre' or from https://adoptium.net");
        }
        return s.toString();
    }

    /** "1.8" → 8, "17" → 17, "21.0.2" → 21; 0 when unreadable. */
    static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    /** Where Java installations usually live, JAVA_HOME first. */
    static List<File> candidates() {
        List<File> homes = new ArrayList<File>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && javaHome.length() > 0) {
            homes.add(new File(javaHome));
        }
        String user = System.getProperty("user.home", ".");
        String[] roots = {"/usr/lib/jvm", "/opt/java", "/Library/Java/JavaVirtualMachines", user + "/.jdks",
            user + "/.sdkman/candidates/java"};
        for (String root : roots) {
            File[] kids = new File(root).listFiles();
            if (kids != null) {
                java.util.Arrays.sort(kids);
                for (File kid : kids) {
                    homes.add(kid);
                    homes.add(new File(kid, "Contents/Home"));
                }
            }
        }
        return homes;
    }

    /** The home of the newest Java of at least {@link #NEEDED} among {@code homes} (by its release file), or null. */
    static File newest(List<File> homes) {
        File best = null;
        int bestVersion = 0;
        for (File home : homes) {
            File java = new File(new File(home, "bin"), "java");
            int v = releaseVersion(new File(home, "release"));
            if (v >= NEEDED && v > bestVersion && java.isFile()) {
                best = home;
                bestVersion = v;
            }
        }
        return best;
    }

    private static int releaseVersion(File release) {
        if (!release.isFile()) {
            return 0;
        }
        Properties p = new Properties();
        InputStream in = null;
        try {
            in = new FileInputStream(release);
            p.load(in);
        } catch (IOException e) {
            return 0;
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // Nothing was written; a failed close of a read changes nothing.
                }
            }
        }
        return feature(p.getProperty("JAVA_VERSION", "\"0\"").replace("\"", ""));
    }

    /** The jar this class was loaded from, relative to the working folder where that is shorter. */
    private static String jar() {
        try {
            File jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String cwd = new File(".").getCanonicalPath() + File.separator;
            String path = jar.getCanonicalPath();
            return path.startsWith(cwd) ? path.substring(cwd.length()) : path;
        } catch (Exception e) {
            return "eventlens.jar";
        }
    }
}
