use std::process::ExitCode;

fn main() -> ExitCode {
    plenty_service_helper::app::main()
}
