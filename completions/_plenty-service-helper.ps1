
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'plenty-service-helper' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'plenty-service-helper'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'plenty-service-helper' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Receive purchase events and create a ticket for each')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a stand-in plentymarkets on this machine for trying and testing')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive')
            [CompletionResult]::new('ticket', 'ticket', [CompletionResultType]::ParameterValue, 'Create test tickets and list tickets')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or change the configuration file')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Show and manage stored purchase events')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List what the plentymarkets system offers: types, statuses, roles, users, webstores')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check the configuration and the plentymarkets system; exit code 6 when a check fails')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the configuration and the plentymarkets system; exit code 6 when a check fails')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script, or write one file per shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page, or write the pages of every command')
            break
        }
        'plenty-service-helper;serve' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on, such as 127.0.0.1:8080; overrides webhook.bind')
            [CompletionResult]::new('--outbox', '--outbox', [CompletionResultType]::ParameterName, 'Outbox database file; overrides delivery.outbox_path')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM file with the certificate chain; serve speaks HTTPS when it and --tls-key are given')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM file with the private key of --tls-cert')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start a built-in sandbox plentymarkets and use it; needs no configuration file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;sandbox' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on; port 0 picks a free port [default: 127.0.0.1:8765]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'User name the sandbox accepts [default: sandbox]')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Password the sandbox accepts (a stand-in, not a real secret) [default: sandbox-password]')
            [CompletionResult]::new('--max-sessions', '--max-sessions', [CompletionResultType]::ParameterName, 'Sessions a user may have open at once [default: 3]')
            [CompletionResult]::new('--read-limit', '--read-limit', [CompletionResultType]::ParameterName, 'Read calls allowed per period [default: 200]')
            [CompletionResult]::new('--write-limit', '--write-limit', [CompletionResultType]::ParameterName, 'Write calls allowed per period [default: 80]')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'Length of a rate period in seconds [default: 60]')
            [CompletionResult]::new('--token-lifetime', '--token-lifetime', [CompletionResultType]::ParameterName, 'Lifetime of an access token in seconds [default: 86400]')
            [CompletionResult]::new('--server-error-rate', '--server-error-rate', [CompletionResultType]::ParameterName, 'Fraction of calls answered with 500, 502 or 503 [default: 0]')
            [CompletionResult]::new('--throttle-rate', '--throttle-rate', [CompletionResultType]::ParameterName, 'Fraction of calls answered with 429 [default: 0]')
            [CompletionResult]::new('--retry-after', '--retry-after', [CompletionResultType]::ParameterName, 'Retry-After in seconds of injected 429 answers [default: 1]')
            [CompletionResult]::new('--timeout-rate', '--timeout-rate', [CompletionResultType]::ParameterName, 'Fraction of calls that hang before answering [default: 0]')
            [CompletionResult]::new('--hang', '--hang', [CompletionResultType]::ParameterName, 'How long a hanging call waits, in seconds [default: 120]')
            [CompletionResult]::new('--drop-answer-rate', '--drop-answer-rate', [CompletionResultType]::ParameterName, 'Fraction of writes that take effect but lose their answer [default: 0]')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Delay added to every answer, in milliseconds [default: 0]')
            [CompletionResult]::new('--forbid-route', '--forbid-route', [CompletionResultType]::ParameterName, 'Answer 403 on this route, such as /rest/backend/users; repeat for more')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;setup' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'plentymarkets back-end user name of the REST user')
            [CompletionResult]::new('--password-command', '--password-command', [CompletionResultType]::ParameterName, 'Command whose output is the password, such as a password manager call')
            [CompletionResult]::new('--plenty-id', '--plenty-id', [CompletionResultType]::ParameterName, 'plentyId of the client (store) the tickets belong to')
            [CompletionResult]::new('--type-id', '--type-id', [CompletionResultType]::ParameterName, 'Ticket type ID')
            [CompletionResult]::new('--status-id', '--status-id', [CompletionResultType]::ParameterName, 'Ticket status ID')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'Role ID each owner gets')
            [CompletionResult]::new('--owner-id', '--owner-id', [CompletionResultType]::ParameterName, 'User ID of a ticket owner; repeat or separate with commas')
            [CompletionResult]::new('--message-type', '--message-type', [CompletionResultType]::ParameterName, 'message (visible to the customer) or comment (internal) [possible values: message, comment]')
            [CompletionResult]::new('--message-language', '--message-language', [CompletionResultType]::ParameterName, 'Language of the ticket message [possible values: en, de]')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address serve listens on')
            [CompletionResult]::new('--webhook-path', '--webhook-path', [CompletionResultType]::ParameterName, 'Path that receives purchase events')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Take every value from flags and ask nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing configuration file, keeping a .bak copy')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--generate-secret', '--generate-secret', [CompletionResultType]::ParameterName, 'Generate a random webhook secret and print the webhook URL that carries it')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Run validate after writing the file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;configure' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'plentymarkets back-end user name of the REST user')
            [CompletionResult]::new('--password-command', '--password-command', [CompletionResultType]::ParameterName, 'Command whose output is the password, such as a password manager call')
            [CompletionResult]::new('--plenty-id', '--plenty-id', [CompletionResultType]::ParameterName, 'plentyId of the client (store) the tickets belong to')
            [CompletionResult]::new('--type-id', '--type-id', [CompletionResultType]::ParameterName, 'Ticket type ID')
            [CompletionResult]::new('--status-id', '--status-id', [CompletionResultType]::ParameterName, 'Ticket status ID')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'Role ID each owner gets')
            [CompletionResult]::new('--owner-id', '--owner-id', [CompletionResultType]::ParameterName, 'User ID of a ticket owner; repeat or separate with commas')
            [CompletionResult]::new('--message-type', '--message-type', [CompletionResultType]::ParameterName, 'message (visible to the customer) or comment (internal) [possible values: message, comment]')
            [CompletionResult]::new('--message-language', '--message-language', [CompletionResultType]::ParameterName, 'Language of the ticket message [possible values: en, de]')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address serve listens on')
            [CompletionResult]::new('--webhook-path', '--webhook-path', [CompletionResultType]::ParameterName, 'Path that receives purchase events')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Take every value from flags and ask nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing configuration file, keeping a .bak copy')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--generate-secret', '--generate-secret', [CompletionResultType]::ParameterName, 'Generate a random webhook secret and print the webhook URL that carries it')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Run validate after writing the file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;init' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'plentymarkets back-end user name of the REST user')
            [CompletionResult]::new('--password-command', '--password-command', [CompletionResultType]::ParameterName, 'Command whose output is the password, such as a password manager call')
            [CompletionResult]::new('--plenty-id', '--plenty-id', [CompletionResultType]::ParameterName, 'plentyId of the client (store) the tickets belong to')
            [CompletionResult]::new('--type-id', '--type-id', [CompletionResultType]::ParameterName, 'Ticket type ID')
            [CompletionResult]::new('--status-id', '--status-id', [CompletionResultType]::ParameterName, 'Ticket status ID')
            [CompletionResult]::new('--role-id', '--role-id', [CompletionResultType]::ParameterName, 'Role ID each owner gets')
            [CompletionResult]::new('--owner-id', '--owner-id', [CompletionResultType]::ParameterName, 'User ID of a ticket owner; repeat or separate with commas')
            [CompletionResult]::new('--message-type', '--message-type', [CompletionResultType]::ParameterName, 'message (visible to the customer) or comment (internal) [possible values: message, comment]')
            [CompletionResult]::new('--message-language', '--message-language', [CompletionResultType]::ParameterName, 'Language of the ticket message [possible values: en, de]')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address serve listens on')
            [CompletionResult]::new('--webhook-path', '--webhook-path', [CompletionResultType]::ParameterName, 'Path that receives purchase events')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Take every value from flags and ask nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing configuration file, keeping a .bak copy')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--generate-secret', '--generate-secret', [CompletionResultType]::ParameterName, 'Generate a random webhook secret and print the webhook URL that carries it')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Run validate after writing the file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;ticket' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Create a ticket from a sample or given purchase event, as serve would')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tickets of the configured type and plentyId')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Print the ticket message for a sample or given purchase event, without sending anything')
            [CompletionResult]::new('send-webhook', 'send-webhook', [CompletionResultType]::ParameterValue, 'Post a sample or given purchase event to a running serve, as plentyMarketplace would, and show the response')
            break
        }
        'plenty-service-helper;ticket;test' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'Purchase event JSON file to use instead of the built-in sample')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests instead of sending them')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;ticket;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Number of tickets to show [default: 25]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--all-types', '--all-types', [CompletionResultType]::ParameterName, 'Show tickets of every type and plentyId')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;ticket;preview' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'Purchase event JSON file to use instead of the built-in sample')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Message template to use instead of ticket.message_template; values are HTML-escaped unless marked |safe')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as the message text or as JSON with title and type [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;ticket;send-webhook' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Webhook URL of serve, such as http://127.0.0.1:8080/service/tickets')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'Purchase event JSON file, sent as it is; without it, the sample with a new order ID')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Send the header Authorization: Bearer SECRET; other users can see the value in the process list')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as text or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the configuration, with the password hidden')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the configuration file')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one configuration value')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one configuration value')
            break
        }
        'plenty-service-helper;config;show' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;config;path' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;config;get' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;config;set' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;outbox' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List stored events, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one stored event')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Queue a dead event again, or every dead event')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete finished events older than a duration')
            break
        }
        'plenty-service-helper;outbox;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Show only pending, done or dead events [possible values: pending, done, dead]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Number of events to show [default: 50]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;outbox;show' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;outbox;retry' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--all-dead', '--all-dead', [CompletionResultType]::ParameterName, 'Queue every dead event again')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;outbox;purge' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Age such as 30d; at least the retention period')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('types', 'types', [CompletionResultType]::ParameterValue, 'List the ticket types with their IDs')
            [CompletionResult]::new('statuses', 'statuses', [CompletionResultType]::ParameterValue, 'List the ticket statuses with their IDs and types')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the role IDs seen on the owners of existing tickets')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List the back-end users with their Ticket option and account state')
            [CompletionResult]::new('webstores', 'webstores', [CompletionResultType]::ParameterValue, 'List the clients (webstores) with their plentyId')
            break
        }
        'plenty-service-helper;list;types' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;list;statuses' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--type-id', '--type-id', [CompletionResultType]::ParameterName, 'Show only the statuses of this ticket type')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;list;roles' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;list;users' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;list;webstores' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;validate' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on warnings too (exit code 6)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;doctor' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output as a table or JSON [possible values: table, json] [default: table]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail on warnings too (exit code 6)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;completions' {
            [CompletionResult]::new('--write-to', '--write-to', [CompletionResultType]::ParameterName, 'Directory to write the scripts to, one file per shell (only SHELL''s when given)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'plenty-service-helper;man' {
            [CompletionResult]::new('--write-to', '--write-to', [CompletionResultType]::ParameterName, 'Directory to write the pages to: DIR/man1 in English, DIR/de/man1 in German')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of messages and help [possible values: en, de]')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Format of log lines on stderr [possible values: text, json] [default: text]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more detail (repeat for even more); RUST_LOG overrides it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors: no status lines, no spinner, and logs at error level only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
