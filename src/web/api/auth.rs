//! Who calls the API: the token of the `Authorization: Bearer` header, checked on every
//! request (a revoked token is refused at once), and held to its request rate.

use std::future::Future;
use std::num::NonZeroU32;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::web::Data;
use actix_web::{FromRequest, HttpRequest};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::problem::Problem;
use crate::app::Cx;
use crate::app::api::{Client, tokens};
use crate::domain::account::Locale;
use crate::domain::ids::ApiTokenId;
use crate::web::AppState;

/// Each token's request rate, in this server's memory (every server of several keeps its
/// own: the limit holds per server).
pub struct RateLimits(DefaultKeyedRateLimiter<ApiTokenId>);

impl RateLimits {
    /// `per_second` requests a second per token, in bursts of as many.
    pub fn new(per_second: u32) -> Self {
        let rate = NonZeroU32::new(per_second).unwrap_or(NonZeroU32::MIN);
        RateLimits(RateLimiter::keyed(Quota::per_second(rate)))
    }

    /// Seconds to wait before the token's next request, if it must wait.
    fn wait(&self, token: ApiTokenId) -> Option<u32> {
        self.0.check_key(&token).err().map(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            u32::try_from(seconds).unwrap_or(u32::MAX)
        })
    }
}

/// The calling client, authenticated, within its rate.
pub struct ApiClient {
    pub client: Client,
    /// The account's language: problems are worded in it.
    pub locale: Locale,
}

impl FromRequest for ApiClient {
    type Error = Problem;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Problem>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<Data<AppState>>().cloned();
        let secret = bearer(req);
        let visitor = crate::web::i18n::visitor_locale(req);
        Box::pin(async move {
            let unauthorized = || Problem::new(visitor, StatusCode::UNAUTHORIZED, "unauthorized");
            let state = state.ok_or_else(|| Problem::new(visitor, StatusCode::INTERNAL_SERVER_ERROR, "internal"))?;
            let secret = secret.ok_or_else(unauthorized)?;
            let client = state
                .app
                .run(move |cx| tokens::authenticate(cx, &secret))
                .await
                .map_err(|error| Problem::from_app(visitor, error))?
                .ok_or_else(unauthorized)?;
            let locale = client.actor.account.locale;
            if let Some(seconds) = state.api_limits.wait(client.token) {
                return Err(Problem::new(locale, StatusCode::TOO_MANY_REQUESTS, "rate_limited").retry_after(seconds));
            }
            Ok(ApiClient { client, locale })
        })
    }
}

impl ApiClient {
    /// Runs `use_case` as this client; a refusal becomes a problem in the account's language.
    pub async fn run<T, F>(self, state: &AppState, use_case: F) -> Result<T, Problem>
    where
        F: FnOnce(&mut Cx<'_>, &Client) -> Result<T, crate::app::Error> + Send + 'static,
        T: Send + 'static,
    {
        let ApiClient { client, locale } = self;
        state.app.run(move |cx| use_case(cx, &client)).await.map_err(|error| Problem::from_app(locale, error))
    }
}

/// The secret of an `Authorization: Bearer …` header.
fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| secret.trim().to_owned())
}
