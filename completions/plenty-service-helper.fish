# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_plenty_service_helper_global_optspecs
    string join \n config= lang= v/verbose q/quiet log-format= h/help V/version
end

function __fish_plenty_service_helper_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_plenty_service_helper_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_plenty_service_helper_using_subcommand
    set -l cmd (__fish_plenty_service_helper_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -s V -l version -d 'Print version'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "serve" -d 'Receive purchase events and create a ticket for each'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "sandbox" -d 'Run a stand-in plentymarkets on this machine for trying and testing'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "setup" -d 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "configure" -d 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "init" -d 'Set up the configuration: step by step on a terminal, or from flags with --non-interactive'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "ticket" -d 'Create test tickets and list tickets'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "config" -d 'Show or change the configuration file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "outbox" -d 'Show and manage stored purchase events'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "list" -d 'List what the plentymarkets system offers: types, statuses, roles, users, webstores'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "validate" -d 'Check the configuration and the plentymarkets system; exit code 6 when a check fails'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "doctor" -d 'Check the configuration and the plentymarkets system; exit code 6 when a check fails'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "completions" -d 'Print a shell completion script, or write one file per shell'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_needs_command" -f -a "man" -d 'Print the manual page, or write the pages of every command'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l bind -d 'Address to listen on, such as 127.0.0.1:8080; overrides webhook.bind' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l outbox -d 'Outbox database file; overrides delivery.outbox_path' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l tls-cert -d 'PEM file with the certificate chain; serve speaks HTTPS when it and --tls-key are given' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l tls-key -d 'PEM file with the private key of --tls-cert' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -l sandbox -d 'Start a built-in sandbox plentymarkets and use it; needs no configuration file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand serve" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l bind -d 'Address to listen on; port 0 picks a free port [default: 127.0.0.1:8765]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l username -d 'User name the sandbox accepts [default: sandbox]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l password -d 'Password the sandbox accepts (a stand-in, not a real secret) [default: sandbox-password]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l max-sessions -d 'Sessions a user may have open at once [default: 3]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l read-limit -d 'Read calls allowed per period [default: 200]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l write-limit -d 'Write calls allowed per period [default: 80]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l period -d 'Length of a rate period in seconds [default: 60]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l token-lifetime -d 'Lifetime of an access token in seconds [default: 86400]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l server-error-rate -d 'Fraction of calls answered with 500, 502 or 503 [default: 0]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l throttle-rate -d 'Fraction of calls answered with 429 [default: 0]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l retry-after -d 'Retry-After in seconds of injected 429 answers [default: 1]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l timeout-rate -d 'Fraction of calls that hang before answering [default: 0]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l hang -d 'How long a hanging call waits, in seconds [default: 120]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l drop-answer-rate -d 'Fraction of writes that take effect but lose their answer [default: 0]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l latency-ms -d 'Delay added to every answer, in milliseconds [default: 0]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l forbid-route -d 'Answer 403 on this route, such as /rest/backend/users; repeat for more' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand sandbox" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l base-url -d 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l username -d 'plentymarkets back-end user name of the REST user' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l password-command -d 'Command whose output is the password, such as a password manager call' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l plenty-id -d 'plentyId of the client (store) the tickets belong to' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l type-id -d 'Ticket type ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l status-id -d 'Ticket status ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l role-id -d 'Role ID each owner gets' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l owner-id -d 'User ID of a ticket owner; repeat or separate with commas' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l message-type -d 'message (visible to the customer) or comment (internal) [possible values: message, comment]' -r -f -a "message\t''
comment\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l message-language -d 'Language of the ticket message [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l bind -d 'Address serve listens on' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l webhook-path -d 'Path that receives purchase events' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l non-interactive -d 'Take every value from flags and ask nothing'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l force -d 'Replace an existing configuration file, keeping a .bak copy'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l password-stdin -d 'Read the password from standard input'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l generate-secret -d 'Generate a random webhook secret and print the webhook URL that carries it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -l validate -d 'Run validate after writing the file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand setup" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l base-url -d 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l username -d 'plentymarkets back-end user name of the REST user' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l password-command -d 'Command whose output is the password, such as a password manager call' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l plenty-id -d 'plentyId of the client (store) the tickets belong to' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l type-id -d 'Ticket type ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l status-id -d 'Ticket status ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l role-id -d 'Role ID each owner gets' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l owner-id -d 'User ID of a ticket owner; repeat or separate with commas' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l message-type -d 'message (visible to the customer) or comment (internal) [possible values: message, comment]' -r -f -a "message\t''
comment\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l message-language -d 'Language of the ticket message [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l bind -d 'Address serve listens on' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l webhook-path -d 'Path that receives purchase events' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l non-interactive -d 'Take every value from flags and ask nothing'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l force -d 'Replace an existing configuration file, keeping a .bak copy'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l password-stdin -d 'Read the password from standard input'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l generate-secret -d 'Generate a random webhook secret and print the webhook URL that carries it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -l validate -d 'Run validate after writing the file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand configure" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l base-url -d 'plentymarkets address, such as https://p12345.my.plentysystems.com (without /rest)' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l username -d 'plentymarkets back-end user name of the REST user' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l password-command -d 'Command whose output is the password, such as a password manager call' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l plenty-id -d 'plentyId of the client (store) the tickets belong to' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l type-id -d 'Ticket type ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l status-id -d 'Ticket status ID' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l role-id -d 'Role ID each owner gets' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l owner-id -d 'User ID of a ticket owner; repeat or separate with commas' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l message-type -d 'message (visible to the customer) or comment (internal) [possible values: message, comment]' -r -f -a "message\t''
comment\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l message-language -d 'Language of the ticket message [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l bind -d 'Address serve listens on' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l webhook-path -d 'Path that receives purchase events' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l non-interactive -d 'Take every value from flags and ask nothing'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l force -d 'Replace an existing configuration file, keeping a .bak copy'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l password-stdin -d 'Read the password from standard input'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l generate-secret -d 'Generate a random webhook secret and print the webhook URL that carries it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -l validate -d 'Run validate after writing the file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand init" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -f -a "test" -d 'Create a ticket from a sample or given purchase event, as serve would'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -f -a "list" -d 'List the tickets of the configured type and plentyId'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -f -a "preview" -d 'Print the ticket message for a sample or given purchase event, without sending anything'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and not __fish_seen_subcommand_from test list preview send-webhook" -f -a "send-webhook" -d 'Post a sample or given purchase event to a running serve, as plentyMarketplace would, and show the response'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l payload -d 'Purchase event JSON file to use instead of the built-in sample' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -l dry-run -d 'Print the requests instead of sending them'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l limit -d 'Number of tickets to show [default: 25]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -l all-types -d 'Show tickets of every type and plentyId'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l payload -d 'Purchase event JSON file to use instead of the built-in sample' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l template -d 'Message template to use instead of ticket.message_template; values are HTML-escaped unless marked |safe' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l output -d 'Output as the message text or as JSON with title and type [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l to -d 'Webhook URL of serve, such as http://127.0.0.1:8080/service/tickets' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l payload -d 'Purchase event JSON file, sent as it is; without it, the sample with a new order ID' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l secret -d 'Send the header Authorization: Bearer SECRET; other users can see the value in the process list' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l output -d 'Output as text or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand ticket; and __fish_seen_subcommand_from send-webhook" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -f -a "show" -d 'Show the configuration, with the password hidden'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -f -a "path" -d 'Print the path of the configuration file'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -f -a "get" -d 'Print one configuration value'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and not __fish_seen_subcommand_from show path get set" -f -a "set" -d 'Change one configuration value'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -f -a "list" -d 'List stored events, newest first'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -f -a "show" -d 'Show one stored event'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -f -a "retry" -d 'Queue a dead event again, or every dead event'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and not __fish_seen_subcommand_from list show retry purge" -f -a "purge" -d 'Delete finished events older than a duration'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l status -d 'Show only pending, done or dead events [possible values: pending, done, dead]' -r -f -a "pending\t''
done\t''
dead\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l limit -d 'Number of events to show [default: 50]' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -l all-dead -d 'Queue every dead event again'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -l older-than -d 'Age such as 30d; at least the retention period' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand outbox; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -f -a "types" -d 'List the ticket types with their IDs'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -f -a "statuses" -d 'List the ticket statuses with their IDs and types'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -f -a "roles" -d 'List the role IDs seen on the owners of existing tickets'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -f -a "users" -d 'List the back-end users with their Ticket option and account state'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and not __fish_seen_subcommand_from types statuses roles users webstores" -f -a "webstores" -d 'List the clients (webstores) with their plentyId'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from types" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -l type-id -d 'Show only the statuses of this ticket type' -r
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from statuses" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from roles" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from users" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand list; and __fish_seen_subcommand_from webstores" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -l strict -d 'Fail on warnings too (exit code 6)'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand validate" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -l output -d 'Output as a table or JSON [possible values: table, json] [default: table]' -r -f -a "table\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -l strict -d 'Fail on warnings too (exit code 6)'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -l write-to -d 'Directory to write the scripts to, one file per shell (only SHELL\'s when given)' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand completions" -s h -l help -d 'Print help'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -l write-to -d 'Directory to write the pages to: DIR/man1 in English, DIR/de/man1 in German' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -l config -d 'Configuration file to use instead of the platform default [environment variable: PSH_CONFIG]' -r -F
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -l lang -d 'Language of messages and help [possible values: en, de]' -r -f -a "en\t''
de\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -l log-format -d 'Format of log lines on stderr [possible values: text, json] [default: text]' -r -f -a "text\t''
json\t''"
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -s v -l verbose -d 'Log more detail (repeat for even more); RUST_LOG overrides it'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -s q -l quiet -d 'Print only results and errors: no status lines, no spinner, and logs at error level only'
complete -c plenty-service-helper -n "__fish_plenty_service_helper_using_subcommand man" -s h -l help -d 'Print help'
