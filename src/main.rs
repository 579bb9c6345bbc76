use std::process::ExitCode;

fn main() -> ExitCode {
    sales_objectives::cli::main()
}
