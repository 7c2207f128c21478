module local.invalid/csbs/usage

go 1.19

require local.invalid/csbs/client v0.0.0

// The client is generated into spec/target/clients/go by check.sh; nothing is downloaded.
replace local.invalid/csbs/client => ../../target/clients/go
