import Foundation

// Writing to a closed pipe (`alloclint ./... | head`) must end the run quietly, not by signal.
signal(SIGPIPE, SIG_IGN)
_ = EarlyStandardInput.prefetch
exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())))
