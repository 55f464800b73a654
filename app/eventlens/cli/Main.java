package eventlens.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println("java " + Runtime.version());
    }
}
