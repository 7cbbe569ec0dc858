//! Turns one purchase event into a ticket with its message. `serve` and
//! `ticket test` both go through here.

use crate::config::TicketSettings;
use crate::event::PurchaseEvent;
use crate::plenty::{PlentyClient, PlentyError};
use crate::ticket::{build_message, build_ticket};

/// The ticket and message that were created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub ticket_id: i64,
    pub message_id: Option<i64>,
}

/// A delivery that stopped part-way.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("the ticket could not be created: {0}")]
    Ticket(#[source] PlentyError),
    #[error("ticket {ticket_id} was created, but its message could not be added: {source}")]
    Message {
        ticket_id: i64,
        #[source]
        source: PlentyError,
    },
}

impl DeliveryError {
    pub fn plenty(&self) -> &PlentyError {
        match self {
            DeliveryError::Ticket(source) | DeliveryError::Message { source, .. } => source,
        }
    }

    pub fn ticket_id(&self) -> Option<i64> {
        match self {
            DeliveryError::Ticket(_) => None,
            DeliveryError::Message { ticket_id, .. } => Some(*ticket_id),
        }
    }
}

/// Creates the ticket, then its message.
pub async fn deliver(
    client: &PlentyClient,
    settings: &TicketSettings,
    event: &PurchaseEvent,
) -> Result<Delivered, DeliveryError> {
    let ticket = client
        .create_ticket(&build_ticket(event, settings))
        .await
        .map_err(DeliveryError::Ticket)?;
    let ticket_id = ticket.id.expect("create_ticket checks the id");
    add_message(client, settings, event, ticket_id).await
}

/// Adds the message to an existing ticket.
pub async fn add_message(
    client: &PlentyClient,
    settings: &TicketSettings,
    event: &PurchaseEvent,
    ticket_id: i64,
) -> Result<Delivered, DeliveryError> {
    let message = client
        .create_message(ticket_id, &build_message(event, settings))
        .await
        .map_err(|source| DeliveryError::Message { ticket_id, source })?;
    Ok(Delivered {
        ticket_id,
        message_id: message.id,
    })
}
