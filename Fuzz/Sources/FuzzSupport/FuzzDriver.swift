import CFuzzDriver
import Glibc

/// Starts libFuzzer on a harness. The harness's `main.swift` is the program's `main` (libFuzzer's own `main` is
/// never linked in then), so it hands its `LLVMFuzzerTestOneInput` to the driver explicitly, with the
/// command line libFuzzer reads its options and corpus directories from.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ testOneInput: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}
