//! plenty-service-helper: turns plentyMarketplace service purchases into
//! tickets in a merchant's plentymarkets system.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod deliver;
pub mod errors;
pub mod event;
pub mod guard;
pub mod i18n;
pub mod listen;
pub mod metrics;
pub mod outbox;
pub mod output;
pub mod paths;
pub mod plenty;
pub mod prompt;
pub mod sandbox;
pub mod secret;
pub mod server;
pub mod template;
pub mod ticket;
pub mod webhook_auth;
pub mod worker;
