//! The contract test harness: reads `contract/openapi.yaml` at run time,
//! generates requests for every operation and checks every answer against it.

pub mod chains;
pub mod check;
pub mod contract;
pub mod early;
pub mod generate;
pub mod pacing;
pub mod report;
pub mod run;
