import AlloclintEngine
import ArgumentParser
import Foundation

/// Parses the command line and maps every outcome to SPEC's exit status: 0 clean, 1 findings at
/// or above the fail level, 2 usage, configuration, I/O or internal error (one line on stderr).
enum CommandLineInterface {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parse(arguments)
            if var runnable = command as? StatusCommand {
                return try runnable.runWithStatus()
            }
            try command.run()
            return 0
        } catch let error as LintError {
            Output.error(error.description)
            return 2
        } catch let exit as StatusExit {
            return exit.status
        } catch {
            let code = Alloclint.exitCode(for: error)
            if code == .success {
                Output.write(Alloclint.fullMessage(for: error) + "\n", to: .standardOutput)
                return 0
            }
            let message = Alloclint.message(for: error)
            Output.error(message.isEmpty ? "invalid arguments" : message)
            Output.write("Run 'alloclint --help' for usage.\n", to: .standardError)
            return 2
        }
    }
}

extension CommandLineInterface {
    /// ArgumentParser takes time quadratic in the number of positional arguments (2 s for the
    /// 5,564 files of the standard library), so the paths after `--` are set aside and given to
    /// `lint` directly.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        guard let separator = arguments.firstIndex(of: "--"),
              var lint = try Alloclint.parseAsRoot(Array(arguments[..<separator])) as? Lint else {
            return try Alloclint.parseAsRoot(arguments)
        }
        lint.paths += arguments[(separator + 1)...]
        try lint.validate()
        return lint
    }
}

/// A command that decides the process exit status itself.
protocol StatusCommand {
    mutating func runWithStatus() throws -> Int32
}

/// Ends the run with a status and no further message.
struct StatusExit: Error {
    let status: Int32
}

struct Alloclint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alloclint",
        abstract: "Finds Go code that allocates on the heap when it need not.",
        discussion: "Without a subcommand, lints the given paths (default: the current directory).",
        subcommands: [Lint.self, RulesCommand.self, Explain.self, Init.self, VersionCommand.self],
        defaultSubcommand: Lint.self
    )
}

/// stdout/stderr writes that survive a closed pipe.
enum Output {
    enum Stream { case standardOutput, standardError }

    /// Writes everything or gives up quietly (EPIPE and other write errors end output, not the run).
    static func write(_ text: String, to stream: Stream) {
        let fd: Int32 = stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    static func error(_ message: String) {
        write("alloclint: \(message)\n", to: .standardError)
    }
}

/// An editor's run (`--stdin`, as every recipe of docs/editors.md has it) starts reading and
/// parsing standard input before the command line is parsed: the two take about as long, on
/// different cores. With the path `-`, standard input is read once the command line is parsed:
/// a `-` among the arguments may also be an option's value.
enum EarlyStandardInput {
    /// Started by the first use (main.swift); nil when the options before `--` do not ask for
    /// standard input.
    static let prefetch: StandardInputPrefetch? = {
        CommandLine.arguments.dropFirst().prefix { $0 != "--" }.contains("--stdin") ? StandardInputPrefetch() : nil
    }()
}
