// Generated from the service's OpenAPI document by `npm run api:generate` in web/. Do not edit.
export interface paths {
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events the caller may see (server-sent events)
         * @description Server-sent events, scoped to the caller: an agent gets its own state and offers; a supervisor its team’s
         *     presence changes and alerts; the router offers, lapses, queue changes and freed agents; an admin everything
         *     but an agent’s private rows. Each event has `id` (resume with Last-Event-ID: nothing is lost within the
         *     24 h retention), `event` (the type) and `data` (JSON with `at`). A comment line is sent every 15 s.
         *
         *     - `presence.changed`: agent, team (supervisors), router: { agentId, externalId, state, since, until, reason }. Toward anyone but the agent a counselling session is not_ready/private with no until.
         *     - `agent.freed`: router: { agentId, externalId, contact } when an agent becomes available.
         *     - `call.queued`: router: { callId, priority } a call started waiting.
         *     - `call.offered`: agent, router: { callId, kind?, callbackId?, reservation: { reservationId, agentId, externalId, contact, expiresAt, kind? } }; a callback has kind "callback" (its dialTarget is read from GET /v1/routing/callbacks/{id}).
         *     - `reservation.lapsed`: agent, router: { callId, reservationId, agentId } an offer was not accepted in time; the call is waiting again.
         *     - `call.requeued`: router: { callId, reservationId, agentId, reason } an offer was rejected; the call is waiting again.
         *     - `call.connected`: agent, router: { callId, agentId } the offer was accepted or the call answered.
         *     - `call.ended`: agent, router: { callId, agentId } the call ended.
         *     - `callback.scheduled`: router, team (supervisors): { callbackId, callId, notBefore, notAfter } a callback was promised (callId: its queue item).
         *     - `callback.retry`: router, team: { callbackId, callId, result, nextAttemptAt } an attempt was not answered; offered again from nextAttemptAt.
         *     - `callback.closed`: router, team: { callbackId, callId, status } reached or wrong_number.
         *     - `alert.callback_missed`: team (supervisors), router: { callbackId, callId, dialect, attempts, notAfter } a promised callback ran out of its window.
         *     - `call.abandoned`: router: { callId } the caller hung up or resync dropped the call.
         *     - `alert.stranded_call`: team (supervisors), router: { callId, agentId, externalId, minutesWithoutEvent } an accepted call had no event for the team’s maxCallMinutes.
         *     - `offer.created`: agent only: { offerId, kind, createdAt } a confidential counselling offer to the agent (no call, no team; never to supervisors, admins or the router).
         *     - `counseling.booking.cancelled`: agent only: { bookingId, startsAt, endsAt, cancelledBy: "counselor" } the counsellor cancelled a session (no message), or { cancelledBy: "erasure" } for each upcoming session the agent’s erasure cancelled.
         *     - `time_off.decided`: agent only: { requestId, status: approved|denied, startsAt, endsAt, decidedAt } the agent’s time-off request was decided.
         *     - `shift_swap.decided`: agent only, one event per agent involved (not the one who decided): { swapId, status: accepted|completed|rejected|cancelled, shiftId, counterShiftId, decidedAt }.
         *     - `schedule.published`: agent only, one event per active agent of the team: { scheduleId, startDate, days, publishedAt } a schedule of the agent’s team was published.
         */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a JWT */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in from a browser: httpOnly, SameSite=Strict session cookies instead of a token
         * @description Sets `sw_access` (a short-lived JWT), `sw_refresh` (the session, for a shift) and `sw_csrf` (readable; echo it as `X-CSRF-Token` on POST/PUT/PATCH/DELETE). API clients use /v1/auth/login.
         */
        post: operations["AuthController_signIn"];
        /** Sign out: ends the browser session and clears its cookies */
        delete: operations["AuthController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew the access cookie of a live browser session (the client does so while in use) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who I am: my ids, roles and team */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change my password; every token issued before is refused from then on */
        put: operations["MeController_changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never the keys themselves) */
        get: operations["ApiKeysController_list"];
        put?: never;
        /** Create an API key for the router; the key is shown only in this response */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; it stops working on the next request */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/session-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The idle timeout of browser sessions (the configured default until saved) */
        get: operations["SessionSettingsController_get"];
        /** Set the idle timeout of browser sessions (5–720 minutes); applies at each session’s next refresh */
        put: operations["SessionSettingsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_list"];
        put?: never;
        /** Create a site (a call-centre location with its time zone) */
        post: operations["SitesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SitesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the time zone, or deactivate (active: false) a site */
        patch: operations["SitesController_update"];
        trace?: never;
    };
    "/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TeamsController_list"];
        put?: never;
        /** Create a team within a site */
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TeamsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move to another site or deactivate (active: false) a team */
        patch: operations["TeamsController_update"];
        trace?: never;
    };
    "/v1/teams/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's operating settings (wrap-up, occupancy cap, routing order, stale limit) */
        get: operations["TeamsController_settings"];
        /** Change team settings (admins; supervisors for their own team) */
        put: operations["TeamsController_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, paginated */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user with roles (admin) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update name, roles, team, password or active flag */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate a user: they can no longer log in, and live tokens stop working */
        post: operations["UsersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dialect and skill catalog */
        get: operations["RoutingTagsController_list"];
        put?: never;
        /** Add a dialect (BCP 47 tag) or skill (slug) to the catalog */
        post: operations["RoutingTagsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Relabel a tag, or retire it (kept by agents who have it, never given anew) */
        patch: operations["RoutingTagsController_update"];
        trace?: never;
    };
    "/v1/agents/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import agents from CSV, checked row by row (dryRun to check only)
         * @description Columns external_id, display_name, dialects, skills; tags as tag:proficiency separated by ;. Rows with errors are skipped and reported by line; the others are created together.
         */
        post: operations["AgentsController_importCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents; `?externalId=8001` finds one by the id the router knows it by
         * @description In work-number (externalId) order, then id: a page is where an admin expects it.
         */
        get: operations["AgentsController_list"];
        put?: never;
        /** Create an agent with dialect and skill tags (optionally with a login) */
        post: operations["AgentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AgentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, move team or deactivate (active: false) an agent */
        patch: operations["AgentsController_update"];
        trace?: never;
    };
    "/v1/agents/{agentId}/workplace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's team, site and the site's time zone (the agent's days and clock times) */
        get: operations["AgentsController_workplace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace an agent's dialect and skill tags */
        put: operations["AgentsController_replaceTags"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/presence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's current state */
        get: operations["PresenceController_get"];
        /**
         * Become available, not_ready or offline
         * @description By the agent itself or the router (supervisors of the team may set not_ready/offline). During an enforced recovery, micro-break or booked break, or a wrap-up leading into one, `available` is refused with 409 BREAK_ENFORCED (details.until); `offline`/`not_ready` are kept for when it ends. A not_ready the agent set itself ends only by its own request: anyone else gets 409 AGENT_NOT_READY (no until), and so they do for an agent in a counselling session (only the agent gets BREAK_ENFORCED with details.until then). Inside the reporting window at the start of a wrap-up, the router’s `available` ends the wrap-up when the window does. A transition the state table does not allow is 409 INVALID_TRANSITION.
         */
        put: operations["PresenceController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report call events (answered, ended, hostile) in a batch
         * @description Idempotent by eventId: replays are counted as duplicates and change nothing. A batch with any invalid event is rejected whole (400) and stores nothing.
         */
        post: operations["CallsController_ingest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's call load over a rolling window ending now */
        get: operations["CallsController_agentLoad"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's latest answered calls, newest first (at most 20) */
        get: operations["CallsController_recentCalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every agent's load in a team, with stale agents (lost call.ended) flagged */
        get: operations["CallsController_teamLoad"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/available-agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents available now for a dialect/skills, best first */
        get: operations["RoutingController_available"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/reservations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold the best matching agent for a call, atomically
         * @description 201 with a new reservation; 200 with the same reservation when the callId already holds a live one (a retry).
         */
        post: operations["RoutingController_reserve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/reservations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RoutingController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/reservations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The call was connected: the agent goes on_call
         * @description Idempotent: a retried accept of an accepted reservation answers 200 with it again. A queued call becomes connected.
         */
        post: operations["RoutingController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/reservations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The call was not connected: the agent is available again
         * @description Idempotent: a retried reject of a rejected reservation answers 200 with it again (its first reason stands). The call is never offered to this agent again; a queued call goes back to its place in the queue.
         */
        post: operations["RoutingController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Queued calls by status (reconcile: ?status=connected)
         * @description Most recently changed first.
         */
        get: operations["QueueController_list"];
        put?: never;
        /**
         * Hand a call to Shiftwell to wait for an agent
         * @description 201 offered (a reservation was made at once); 202 queued with position and estimatedWaitSeconds; 409 NO_QUALIFIED_AGENT when no logged-in agent could take it, fallbacks included. Idempotent: the same callId again answers 200 with its current state (nothing is queued twice).
         */
        post: operations["QueueController_enqueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/calls/{callId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A queued call’s state; long-poll with waitSeconds
         * @description With waitSeconds (0..30) the answer waits until the status changes (offered, connected, …) or the time is up; with `status`, until it differs from the one the caller last saw; it is sent within milliseconds of the change, whichever replica made it.
         */
        get: operations["QueueController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/calls/{callId}/abandon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The caller hung up: the call leaves the queue and a live offer is released
         * @description Idempotent: abandoning an abandoned call answers 200 again. A connected or ended call answers 409 CALL_CONNECTED.
         */
        post: operations["QueueController_abandon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Waiting calls per dialect and skills, with the longest wait */
        get: operations["QueueController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/resync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** After a router restart: end connected calls and abandon queued calls the router no longer has */
        post: operations["QueueController_resync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/stranded-calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accepted calls with no event for the team’s maxCallMinutes (a lost call.ended), to reconcile
         * @description A supervisor sees its own team’s.
         */
        get: operations["QueueController_stranded"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/callers/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget a caller: its hostile record and its keyed hash on every call */
        post: operations["QueueController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Callbacks by status and window (a supervisor sees its own team’s)
         * @description `from`/`to` select callbacks whose window overlaps them. Earliest window first.
         */
        get: operations["CallbacksController_list"];
        put?: never;
        /**
         * Promise a caller that a person will call back inside a window
         * @description 201 scheduled; the same callbackId again answers 200 with its current state. 400 CALLBACK_WINDOW_IN_PAST, CALLBACK_WINDOW_INVERTED (notAfter not after notBefore), CALLBACK_WINDOW_TOO_FAR (more than 7 days ahead), UNKNOWN_TAG. Once notBefore has passed it queues like a call; the dialTarget is stored encrypted and erased on close.
         */
        post: operations["CallbacksController_schedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/callbacks/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Promises kept per dialect (the wallboard)
         * @description Share reached inside the window, median seconds from notBefore to the first attempt, attempts per callback, missed; for callbacks whose window starts in [from, to).
         */
        get: operations["CallbacksController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/callbacks/{callbackId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A callback’s status, window, attempts and live reservation; long-poll with waitSeconds
         * @description What the IVR reads back to the caller (personHasTried). With waitSeconds (0..30) the answer waits until the status differs from `status` (the one the caller last saw; by default the status now). While offered or connected, the reservation carries kind "callback" and the dialTarget.
         */
        get: operations["CallbacksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/callbacks/{callbackId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The result of an attempt: reached | no_answer | busy | wrong_number
         * @description reached and wrong_number close it (the dial target is erased); no_answer and busy put it back after the team’s callbackRetryMinutes while the window lasts, else it is missed. 409 CALLBACK_NOT_OFFERED (no agent has it), CALLBACK_CLOSED (already closed with another result). Idempotent: the outcome of the last attempt sent again (no offer since) answers 200 with the state and counts once.
         */
        post: operations["CallbacksController_outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/counselors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find counsellors, optionally by language or dialect (`?language=yue`) */
        get: operations["CounselingController_list"];
        put?: never;
        /** Create a counsellor: a login with role counselor and its profile */
        post: operations["CounselingController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/counselors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A counsellor’s profile and availability */
        get: operations["CounselingController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/counselors/{id}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set weekly hours, session lengths, buffer, notice (that counsellor or an admin)
         * @description `weekly` replaces the weekly hours (local times in the counsellor’s zone, Monday = 1); `overrides` replaces the date overrides when given (`off: true` = day off; `start`/`end` = extra hours). Omitted settings keep their value. Defaults: sessions 30/50 min, buffer 10 min, notice 120 min, window 30 days, 6 a day.
         */
        put: operations["CounselingController_setAvailability"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/counselors/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free start times of a counsellor
         * @description Starts on a 15-minute grid inside the availability, clear of other sessions and their buffer, after the minimum notice, within the booking window, on days below the daily maximum.
         */
        get: operations["CounselingController_slots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/suggested-slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next free slots across counsellors for the calling agent
         * @description Counsellors speaking one of the agent’s dialects come first.
         */
        get: operations["CounselingController_suggested"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller’s own bookings (as the agent, or as the counsellor)
         * @description Nobody sees anyone else’s bookings, admins included.
         */
        get: operations["CounselingController_listBookings"];
        put?: never;
        /**
         * Book a session (the calling agent)
         * @description Two agents racing for one slot: exactly one wins. An agent holds at most 2 upcoming sessions (409 BOOKING_LIMIT) and cannot hold two at once (409 OVERLAPPING_BOOKING). During the session the agent is in `counseling` and out of routing; others see `not_ready`/`private`.
         */
        post: operations["CounselingController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One booking (its agent or its counsellor only; notes shown to the counsellor) */
        get: operations["CounselingController_getBooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel (its agent or its counsellor); kept with status cancelled */
        post: operations["CounselingController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/bookings/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a booking (its agent, or its counsellor with a message): a new linked booking; the old one stays if the new slot fails */
        post: operations["CounselingController_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/bookings/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write the session notes (its counsellor); encrypted at rest, never logged */
        put: operations["CounselingController_setNotes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling counsellor’s notifications (e.g. a session cancelled), without content
         * @description A session cancelled because the agent erased their counselling data appears as `session_cancelled` with its time only: no agent, no reason.
         */
        get: operations["CounselingController_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the calling agent’s counselling history (JSON, notes included) */
        get: operations["CounselingController_exportMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/me/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Erase the calling agent’s counselling history
         * @description Cancels the agent’s upcoming sessions and tells their counsellors (a notification without content), then deletes every booking of the agent with its notes.
         */
        delete: operations["CounselingController_eraseMine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/counseling/stats/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sessions in a month: per site (admins), or the supervisor’s own team
         * @description Aggregates only; a count under 5 is shown as "<5". No booking or agent is named. The month is each site’s local calendar month (UTC for agents without a site).
         */
        get: operations["CounselingController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first
         * @description Enforced breaks, overrides (who, why) and policy changes; and who changed access: logins created (`user.created`, with roles and team), roles, team or sign-in changed (`user.access_changed`, each field with `from` and `to`), passwords set (`user.password_reset` by an admin, `user.password_changed` by their owner), router keys issued and revoked (`api_key.*`) and schedules published (`schedule.published`, on the team). Never notes, counselling details, emails, passwords or keys.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calls/{callId}/hostile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a call as hostile
         * @description By the agent who took the call (within 30 minutes of its end: later → 403 REPORT_WINDOW_CLOSED) or a supervisor of the agent’s team; anyone else 403. After the call has ended the recovery starts at once if the agent is free, else right after its current call. A second report raises the severity and never stacks a second break. The note is confidential: stored, never logged.
         */
        post: operations["WellbeingController_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/recovery/shorten": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Shorten a running recovery break (supervisor of the team, with a reason; audited)
         * @description Never below the policy floor from its start: 400 BELOW_RECOVERY_FLOOR.
         */
        post: operations["WellbeingController_shorten"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/recovery/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend one’s own running recovery break (audited)
         * @description Up to the policy maximum in total: 400 ABOVE_RECOVERY_MAXIMUM.
         */
        post: operations["WellbeingController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/policies/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s effective wellbeing policy (team → site default → built-in defaults) */
        get: operations["WellbeingController_teamPolicy"];
        /**
         * Change a team’s policy (admins; supervisors for their own team; audited)
         * @description Unset settings keep their value. Incoherent settings → 400 INVALID_POLICY.
         */
        put: operations["WellbeingController_putTeamPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/policies/sites/{siteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site’s default wellbeing policy */
        get: operations["WellbeingController_sitePolicy"];
        /** Change a site’s default policy (admins; audited) */
        put: operations["WellbeingController_putSitePolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervisor alerts for a team: escalations, occupancy above the cap, many hostile calls in a shift */
        get: operations["WellbeingController_alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/alerts/{id}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alert (idempotent; audited) */
        post: operations["WellbeingController_ack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The calling agent’s open, confidential offers (e.g. counselling)
         * @description Each counselling offer carries a few suggested slots computed when read (counsellors speaking one of the agent’s dialects first). Only the agent sees its offers.
         */
        get: operations["WellbeingController_offers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/offers/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline one of my offers (no, thank you): it is no longer shown. Idempotent
         * @description A session booked after an offer answers it without this call. Another agent’s offer is 404, like one that does not exist.
         */
        post: operations["WellbeingController_declineOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wellbeing/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s wellbeing day: hostile calls (distribution), recovery granted, micro-breaks */
        get: operations["WellbeingController_teamReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Booked breaks: the agent’s own, or an agent’s (supervisors of its team, admins) */
        get: operations["WellbeingController_listBreaks"];
        put?: never;
        /**
         * Book a rest or meal break ahead
         * @description No overlap with the agent’s other breaks (409 BREAK_OVERLAP); once the agent has published shifts on that day (the site’s local day), wholly inside one of them (409 OUTSIDE_SHIFT; also on a day off, one the team’s published schedule covers without a shift for the agent; on a day no published schedule covers yet any time is allowed); inside the daily allowance of the site’s local day (409 BREAK_ALLOWANCE_EXCEEDED); and at most the team cap of logged-in agents on self-booked breaks at once (409 BREAK_CAPACITY). At its start the agent moves to break at the end of any call in progress.
         */
        post: operations["WellbeingController_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaks/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Before booking: when a break may lie, per site day overlapping from-to
         * @description On a site day with published shifts, one window per shift (a break starting that day lies wholly inside it); none on a day off (the team’s published schedule covers it, the agent has no shift); on a day no published schedule covers yet, the whole day. The booking checks the same windows (409 OUTSIDE_SHIFT); the cap, the allowance and overlaps are checked at booking (and by /v1/breaks/capacity).
         */
        get: operations["WellbeingController_breakWindows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaks/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Before booking: the team's break cap, who is booked then, and the day's allowance */
        get: operations["WellbeingController_breakCapacity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel one’s booked break before it starts (409 BREAK_STARTED after) */
        post: operations["WellbeingController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staffing/erlang-c": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Agents needed for one interval (Erlang C; Erlang A when patienceSeconds is given), with shrinkage parts */
        post: operations["StaffingController_erlangC"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/service-level": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The day’s service level per 15 minutes (queued calls the team answered in time)
         * @description Calls that queued in the interval and were answered by the team’s agents or abandoned while offered to them; in time = answered within the team’s targetAnswerSeconds. Today: the intervals up to now.
         */
        get: operations["ServiceLevelController_day"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's forecast intervals in [from, to) */
        get: operations["ForecastsController_get"];
        /** Upload interval forecasts (JSON `intervals` or `csv` text); intervals already there are replaced */
        put: operations["ForecastsController_upload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/forecast/from-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Build and store the forecast from the team's answered calls: same weekday and wall-clock interval, weighted over past weeks
         * @description The days built become what history says: their stored team-wide rows (and those of each dialect asked for) are replaced, so an interval without calls in those weeks has none. When the weeks hold no answered calls at all, nothing stored is changed.
         */
        post: operations["ForecastsController_fromHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/planning-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service target, shrinkage and wellbeing figures used to staff the forecast */
        get: operations["ForecastsController_settings"];
        put: operations["ForecastsController_putSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate a schedule in the background (HiGHS MIP under the site labour rules); poll GET /v1/schedules/{id} */
        post: operations["SchedulesController_generate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/requirements-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requirements per interval from the team's forecast through staffing */
        get: operations["SchedulesController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List schedules, newest first */
        get: operations["SchedulesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule with its shifts, current coverage, rule violations and diagnostics (solver status, shortfall per dialect and day, plain reasons) */
        get: operations["SchedulesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: agents then see their shifts */
        post: operations["SchedulesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/shifts/{shiftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit one shift (times, agent, breaks); every labour rule is checked again (`?dryRun=true`: only checked, nothing saved) */
        patch: operations["SchedulesController_editShift"];
        trace?: never;
    };
    "/v1/agents/{agentId}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's published shifts (agents read their own) */
        get: operations["SchedulesController_agentShifts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's published shifts, who works when (names and times only): agents of the team read it to find a colleague's shift to ask for in a trade */
        get: operations["SchedulesController_roster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/schedule.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's published shifts as an iCalendar feed */
        get: operations["SchedulesController_calendar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sites/{siteId}/labour-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A site's labour rules (defaults where not set) */
        get: operations["LabourRulesController_get"];
        /** Set a site's labour rules (admins: they bind every team of the site); omitted settings keep their defaults */
        put: operations["LabourRulesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Time-off requests (agents see their own) */
        get: operations["TimeOffController_list"];
        put?: never;
        /** Request time off (pending until a scheduler decides) or declare unavailability (in force at once) */
        post: operations["TimeOffController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-off/{id}/effect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Before deciding: the published shifts approving this request would remove, and the coverage they would cost */
        get: operations["TimeOffController_effect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-off/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve time off: the agent's published shifts it overlaps go to the open-shift board; the answer shows the coverage effect */
        post: operations["TimeOffController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-off/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TimeOffController_deny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/time-off/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back my own pending request (a decided one stays as decided) */
        post: operations["TimeOffController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shift-swaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shift swaps (e.g. ?status=open) */
        get: operations["SwapsController_list"];
        put?: never;
        /** Offer one of your published shifts to colleagues, or (counterShiftId) propose a trade for a colleague’s shift */
        post: operations["SwapsController_offer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shift-swaps/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an offered shift: needs the dialects and every labour rule must hold for both agents */
        post: operations["SwapsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shift-swaps/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve an accepted trade: both moves are checked again, then both shifts change hands */
        post: operations["SwapsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shift-swaps/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a trade down (the colleague asked, or a scheduler) */
        post: operations["SwapsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shift-swaps/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SwapsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/adherence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Adherence per agent and interval: share of scheduled time in a matching presence state */
        get: operations["AdherenceController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/adherence/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents of a team out of adherence right now */
        get: operations["AdherenceController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the agent has a live calendar subscription URL */
        get: operations["CalendarFeedsController_status"];
        put?: never;
        /** A new calendar subscription URL for the agent (the previous one stops working) */
        post: operations["CalendarFeedsController_create"];
        /** Revoke the calendar subscription URL at once */
        delete: operations["CalendarFeedsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar-feeds/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A subscribed calendar: the agent's published shifts in the site's local time
         * @description The secret URL is the credential (`{token}.ics`); a revoked or unknown one is 404.
         */
        get: operations["CalendarFeedsController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{agentId}/work-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's contract (weekly hours), recurring unavailability and shift preferences (the agent reads its own) */
        get: operations["WorkProfilesController_get"];
        /** Replace an agent's contract and preferences: max hours and unavailability are hard for planning, the rest soft */
        put: operations["WorkProfilesController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{teamId}/shift-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's shift templates and consistent-start-times setting */
        get: operations["WorkProfilesController_getShiftSettings"];
        /** Replace a team's shift templates and consistent-start-times setting */
        put: operations["WorkProfilesController_putShiftSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/open-shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open-shift board of the caller's team (e.g. ?status=open) */
        get: operations["OpenShiftsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/open-shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a shift of a published schedule on the board for agents to pick up */
        post: operations["OpenShiftsController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/open-shifts/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pick up an open shift (schedulers may assign it): dialects and every labour rule are checked; one agent wins */
        post: operations["OpenShiftsController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/open-shifts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OpenShiftsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repair a published schedule: fill its open shifts with rule-checked agents, keeping every other shift */
        post: operations["OpenShiftsController_repair"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorBodyDto: {
            /** @example 409 */
            statusCode: number;
            /**
             * @description Stable UPPER_SNAKE error code
             * @example NO_AGENT_AVAILABLE
             */
            error: string;
            /** @example No matching agent is available */
            message: string;
            /** @description Structured detail, e.g. the bad fields of a validation failure */
            details?: Record<string, never>;
        };
        LoginDto: {
            /** @example admin@shiftwell.local */
            email: string;
            /** @example shiftwell-admin */
            password: string;
        };
        TokenDto: {
            accessToken: string;
            /**
             * @description Seconds until the token expires
             * @example 3600
             */
            expiresIn: number;
        };
        SessionPersonDto: {
            userId: string;
            email: string;
            displayName: string;
            roles: string[];
            teamId: string | null;
            agentId: string | null;
        };
        SessionDto: {
            /** @description Who is signed in */
            person: components["schemas"]["SessionPersonDto"];
            /**
             * @description Seconds until the access cookie must be refreshed
             * @example 300
             */
            expiresIn: number;
            /**
             * @description The session ends after this many seconds without a refresh (the admin sets it)
             * @example 1800
             */
            idleTimeoutSeconds: number;
            /** @description When the session ends at the latest (the length of a shift) */
            sessionExpiresAt: string;
            /** @description Also in the readable `sw_csrf` cookie: echo it as `X-CSRF-Token` on unsafe requests */
            csrfToken: string;
        };
        MeDto: {
            /** Format: uuid */
            userId: string;
            email: string;
            displayName: string;
            roles: ("admin" | "scheduler" | "supervisor" | "counselor" | "agent")[];
            /** Format: uuid */
            teamId: string | null;
            /**
             * Format: uuid
             * @description Set when I am an agent
             */
            agentId?: string;
            /**
             * Format: uuid
             * @description Set when I am a counsellor
             */
            counselorId?: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        CreateApiKeyDto: {
            /** @example router-prod-1 */
            name: string;
            /**
             * @example router
             * @enum {string}
             */
            role: "router";
        };
        CreatedApiKeyDto: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "router";
            /** @description The key itself. Shown only in this response; store it now. */
            key: string;
        };
        ApiKeyDto: {
            id: string;
            name: string;
            /** @enum {string} */
            role: "router";
            /** @description First characters of the key, to recognise it */
            keyPrefix: string;
            createdAt: string;
            lastUsedAt?: string | null;
            revokedAt?: string | null;
        };
        ApiKeyListDto: {
            items: components["schemas"]["ApiKeyDto"][];
        };
        SessionSettingsDto: {
            /** @example 30 */
            idleTimeoutMinutes: number;
            /** @description True while no admin has saved a value: the configuration (SESSION_IDLE_MINUTES) applies */
            isDefault: boolean;
            /** @description When an admin last saved it */
            updatedAt: string | null;
            minimumMinutes: number;
            maximumMinutes: number;
        };
        UpdateSessionSettingsDto: {
            /**
             * @description Minutes without use after which a browser session ends
             * @example 30
             */
            idleTimeoutMinutes: number;
        };
        CreateSiteDto: {
            /** @example Wuhan Optics Valley */
            name: string;
            /**
             * @description IANA time zone
             * @default Asia/Shanghai
             * @example Asia/Shanghai
             */
            timeZone: string;
        };
        OpeningHoursEntryDto: {
            /** @description ISO weekday, Monday = 1 */
            weekday: number;
            /**
             * @description Local time in the site’s zone (HH:mm)
             * @example 09:00
             */
            open: string;
            /**
             * @description Local time (HH:mm); 24:00 = the end of the day; at or before open = past midnight into the next day
             * @example 18:00
             */
            close: string;
        };
        SiteDto: {
            id: string;
            name: string;
            timeZone: string;
            active: boolean;
            /** @description Weekly opening hours in timeZone; null = always open */
            openingHours: components["schemas"]["OpeningHoursEntryDto"][] | null;
        };
        SitePageDto: {
            items: components["schemas"]["SiteDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UpdateSiteDto: {
            /** @example Wuhan Optics Valley */
            name?: string;
            /**
             * @description IANA time zone
             * @default Asia/Shanghai
             * @example Asia/Shanghai
             */
            timeZone: string;
            active?: boolean;
            /** @description Replaces the weekly opening hours (in the site’s time zone); null = always open. Callbacks are promised and offered only while the site of their team is open */
            openingHours?: components["schemas"]["OpeningHoursEntryDto"][] | null;
        };
        CreateTeamDto: {
            /** @example Wuhan dialect line */
            name: string;
            /** Format: uuid */
            siteId: string;
        };
        TeamDto: {
            id: string;
            name: string;
            siteId: string;
            active: boolean;
        };
        TeamPageDto: {
            items: components["schemas"]["TeamDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UpdateTeamDto: {
            name?: string;
            /**
             * Format: uuid
             * @description Move the team to another site: it then follows that site’s time zone, opening hours, labour rules and default wellbeing policy (400 UNKNOWN_SITE if none has this id)
             */
            siteId?: string;
            active?: boolean;
        };
        TeamSettingsDto: {
            /**
             * @description After-call work time before the agent is available again
             * @example 30
             */
            wrapUpSeconds: number;
            /**
             * @description Occupancy above which agents are offered calls last
             * @example 0.85
             */
            occupancyCap: number;
            /**
             * @description wellbeing: over-cap agents last, then fewer hostile calls in the last hour, then longest idle. longest_idle: plain longest idle first
             * @enum {string}
             */
            routingOrder: "wellbeing" | "longest_idle";
            /**
             * @description An agent on a call with no event for this long is set not_ready (stale)
             * @example 7200
             */
            staleAfterSeconds: number;
            /**
             * @description Default reservation hold when the router gives no ttlSeconds
             * @example 20
             */
            reservationTtlSeconds: number;
            /**
             * @description The first seconds of every wrap-up are a window to report a hostile call: only the agent ends it sooner
             * @example 20
             */
            hostileReportWindowSeconds: number;
            /**
             * @description Expected handle time: no call is offered to an agent whose booked break starts sooner
             * @example 300
             */
            expectedHandleSeconds: number;
            /**
             * @description Calls from flagged callers (a hostile call in the last 30 days) one agent is offered per hour at most
             * @example 2
             */
            maxHostilePerHour: number;
            /**
             * @description An accepted call with no event for this long alerts the supervisor and is listed as stranded
             * @example 60
             */
            maxCallMinutes: number;
            /**
             * @description A callback not answered (no_answer, busy) is tried again after this many minutes
             * @example 15
             */
            callbackRetryMinutes: number;
            /**
             * @description Callbacks take at most this share of the team’s offers in an hour while inbound calls wait for its agents
             * @example 0.3
             */
            callbackMaxShare: number;
        };
        UpdateTeamSettingsDto: {
            wrapUpSeconds?: number;
            occupancyCap?: number;
            /** @enum {string} */
            routingOrder?: "wellbeing" | "longest_idle";
            staleAfterSeconds?: number;
            reservationTtlSeconds?: number;
            hostileReportWindowSeconds?: number;
            expectedHandleSeconds?: number;
            maxHostilePerHour?: number;
            maxCallMinutes?: number;
            callbackRetryMinutes?: number;
            callbackMaxShare?: number;
        };
        CreateUserDto: {
            /** @example li.na@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
            /** @example Li Na */
            displayName: string;
            /**
             * @example [
             *       "supervisor"
             *     ]
             */
            roles: ("admin" | "scheduler" | "supervisor" | "counselor" | "agent")[];
            /** Format: uuid */
            teamId?: string | null;
        };
        UserDto: {
            id: string;
            email: string;
            displayName: string;
            roles: ("admin" | "scheduler" | "supervisor" | "counselor" | "agent")[];
            teamId: string | null;
            active: boolean;
            createdAt: string;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UpdateUserDto: {
            /** @example correct horse battery */
            password?: string;
            /** @example Li Na */
            displayName?: string;
            /**
             * @example [
             *       "supervisor"
             *     ]
             */
            roles?: ("admin" | "scheduler" | "supervisor" | "counselor" | "agent")[];
            /** Format: uuid */
            teamId?: string | null;
            active?: boolean;
        };
        RoutingTagViewDto: {
            /**
             * @description BCP 47 language tag (dialects) or lowercase slug (skills)
             * @example cmn-x-wuhan
             */
            tag: string;
            /** @enum {string} */
            kind: "dialect" | "skill";
            /** @example Wuhan */
            label: string;
            /** @description When the tag was retired (no longer assigned); null while in use */
            retiredAt: string | null;
        };
        RoutingTagListDto: {
            tags: components["schemas"]["RoutingTagViewDto"][];
        };
        RoutingTagDto: {
            /**
             * @description BCP 47 language tag (dialects) or lowercase slug (skills)
             * @example cmn-x-wuhan
             */
            tag: string;
            /** @enum {string} */
            kind: "dialect" | "skill";
            /** @example Wuhan */
            label: string;
        };
        UpdateRoutingTagDto: {
            /** @example Wuhan dialect */
            label?: string;
            /** @description true retires the tag: agents who have it keep it and calls still route by it, but it can no longer be given to an agent; false brings it back */
            retired?: boolean;
        };
        ImportAgentsDto: {
            /**
             * @description CSV text with a header row: external_id, display_name, dialects, skills (tags as tag:proficiency separated by ;)
             * @example external_id,display_name,dialects,skills
             *     8001,Wang Fang,cmn:5;cmn-x-wuhan:4,returns:3
             */
            csv: string;
            /** @description The team every imported agent joins */
            teamId?: string;
            /**
             * @description Only check the rows; create nothing
             * @default false
             */
            dryRun: boolean;
        };
        ImportRowErrorDto: {
            /** @description Line of the file (the header is line 1) */
            line: number;
            /** @example dialects */
            field: string;
            /** @enum {string} */
            code: "REQUIRED" | "INVALID_FORMAT" | "DUPLICATE_IN_FILE" | "DUPLICATE_EXTERNAL_ID" | "UNKNOWN_TAG" | "DUPLICATE_TAG";
            message: string;
        };
        ImportAgentsResultDto: {
            /** @description Data rows in the file */
            rows: number;
            /** @description Rows without errors */
            valid: number;
            /** @description Agents created (0 on a dry run) */
            created: number;
            /** @description Every problem, by line; such rows are skipped */
            errors: components["schemas"]["ImportRowErrorDto"][];
        };
        TagProficiencyDto: {
            /** @example cmn-x-wuhan */
            tag: string;
            /**
             * @description 1 basic .. 5 native/expert
             * @example 4
             */
            proficiency: number;
        };
        CreateAgentDto: {
            dialects: components["schemas"]["TagProficiencyDto"][];
            skills: components["schemas"]["TagProficiencyDto"][];
            /**
             * @description The id the telephony router knows this agent by
             * @example 8001
             */
            externalId: string;
            /** @example Wang Fang */
            displayName: string;
            /** @description With password: the agent can log in (role agent) */
            email?: string;
            password?: string;
            /** Format: uuid */
            teamId?: string;
            /**
             * @description Where the router rings the agent; returned with the agent, in availability and in every reservation
             * @example sip:8001@pbx.example
             */
            contact?: string;
        };
        AgentDto: {
            id: string;
            externalId: string;
            displayName: string;
            teamId: string | null;
            /** @description The login of this agent, if any */
            userId: string | null;
            active: boolean;
            /** @description Where the router rings the agent (e.g. a SIP URI) */
            contact: string | null;
            dialects: components["schemas"]["TagProficiencyDto"][];
            skills: components["schemas"]["TagProficiencyDto"][];
        };
        AgentPageDto: {
            items: components["schemas"]["AgentDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        AgentWorkplaceDto: {
            agentId: string;
            displayName: string;
            teamId: string | null;
            teamName: string | null;
            siteName: string | null;
            /**
             * @description The site's IANA time zone (UTC without a team)
             * @example Asia/Shanghai
             */
            timeZone: string;
        };
        UpdateAgentDto: {
            displayName?: string;
            /** Format: uuid */
            teamId?: string | null;
            active?: boolean;
            /**
             * @description Where the router rings the agent; returned with the agent, in availability and in every reservation
             * @example sip:8001@pbx.example
             */
            contact?: string | null;
        };
        AgentTagsDto: {
            dialects: components["schemas"]["TagProficiencyDto"][];
            skills: components["schemas"]["TagProficiencyDto"][];
        };
        PresenceNextDto: {
            /** @enum {string} */
            state: "recovery" | "break" | "counseling";
            /** @description When it ends */
            until: string;
        };
        PresenceDto: {
            agentId: string;
            /**
             * @description A counselling session shows as not_ready/private to anyone but the agent
             * @enum {string}
             */
            state: "offline" | "available" | "reserved" | "on_call" | "wrap_up" | "break" | "recovery" | "counseling" | "not_ready";
            since: string;
            /** @description End of a timed state (reserved, wrap_up, break, recovery, counseling) */
            until?: string;
            reason?: string;
            /** @description Shown to the agent: where an enforced state returns to when it ends */
            returnState?: string;
            /** @description Shown to the agent during a wrap-up: the enforced state that starts when it ends (a hostile call's recovery, a booked break, a counselling session); asking for `available` meanwhile is refused with BREAK_ENFORCED */
            next?: components["schemas"]["PresenceNextDto"];
        };
        UpdatePresenceDto: {
            /** @enum {string} */
            state: "available" | "not_ready" | "offline";
            /** @example training */
            reason?: string;
        };
        CallEventDto: {
            /**
             * @description Unique per event; a replay with the same id is counted once
             * @example evt-0001
             */
            eventId: string;
            /** @enum {string} */
            type: "call.answered" | "call.ended" | "call.hostile";
            /** @example call-123 */
            callId: string;
            /** Format: uuid */
            agentId: string;
            /** @example 2026-11-23T09:00:00Z */
            at: string;
            /** @description call.ended: handle time */
            durationSeconds?: number;
            /** @description call.hostile: 1 mild .. 3 severe */
            severity?: number;
            /**
             * @description call.hostile: who flagged it
             * @enum {string}
             */
            source?: "sentiment" | "agent" | "supervisor";
        };
        CallEventBatchDto: {
            events: components["schemas"]["CallEventDto"][];
        };
        CallEventBatchResultDto: {
            /** @description Events stored now */
            accepted: number;
            /** @description Events already stored before (replays), counted once */
            duplicates: number;
        };
        CallLoadDto: {
            agentId: string;
            asOf: string;
            windowMinutes: number;
            callsAnswered: number;
            hostileCalls: number;
            /** @description (on_call + wrap_up) / (available + reserved + on_call + wrap_up) time */
            occupancy: number;
            averageHandleSeconds: number | null;
            consecutiveCallsSinceBreak: number;
            busySeconds: number;
            staffedSeconds: number;
        };
        RecentCallDto: {
            callId: string;
            answeredAt: string | null;
            endedAt: string | null;
            durationSeconds: number | null;
            /** @description Highest severity reported (1..3) */
            hostileSeverity: number | null;
        };
        RecentCallsDto: {
            calls: components["schemas"]["RecentCallDto"][];
        };
        TeamLoadAgentDto: {
            agentId: string;
            asOf: string;
            windowMinutes: number;
            callsAnswered: number;
            hostileCalls: number;
            /** @description (on_call + wrap_up) / (available + reserved + on_call + wrap_up) time */
            occupancy: number;
            averageHandleSeconds: number | null;
            consecutiveCallsSinceBreak: number;
            busySeconds: number;
            staffedSeconds: number;
            externalId: string;
            displayName: string;
            /** @description Current state (sessions show as not_ready/private) */
            state: string;
            /** @description On a call with no event past the team limit, or set not_ready by the sweep for that */
            stale: boolean;
            /** @description Since when the agent is in this state (the wallboard counts from it) */
            since: string;
            /** @description When a timed state ends (recovery, break); never for a private session */
            until: string | null;
            /** @description not_ready reason (private for sessions) */
            reason: string | null;
        };
        TeamLoadDto: {
            teamId: string;
            asOf: string;
            windowMinutes: number;
            agents: components["schemas"]["TeamLoadAgentDto"][];
        };
        AgentLoadSummaryDto: {
            callsLastHour: number;
            hostileCallsLastHour: number;
            occupancyLastHour: number;
        };
        AvailableAgentDto: {
            agentId: string;
            externalId: string;
            /** @description Where to ring the agent (e.g. a SIP URI), when it has one */
            contact?: string;
            idleSeconds: number;
            dialects: components["schemas"]["TagProficiencyDto"][];
            skills: components["schemas"]["TagProficiencyDto"][];
            load: components["schemas"]["AgentLoadSummaryDto"];
        };
        AvailableAgentsDto: {
            asOf: string;
            /** @description Best first. Default order (team setting routingOrder=wellbeing): agents above their team occupancy cap last; then fewer hostile calls in the last hour; then longest idle. With routingOrder=longest_idle: longest idle first. Load figures are refreshed at every call end and at least once a minute. */
            agents: components["schemas"]["AvailableAgentDto"][];
        };
        CreateReservationDto: {
            /** @example call-20261123-0001 */
            callId: string;
            /** @example cmn-x-wuhan */
            dialect?: string;
            /** @description Applies to dialect */
            minProficiency?: number;
            /** @description All must match */
            skills?: string[];
            /** @description Hold time; default the team setting (20 s) */
            ttlSeconds?: number;
        };
        ReservationDto: {
            reservationId: string;
            callId: string;
            agentId: string;
            externalId: string;
            /** @description Where to ring the agent (e.g. a SIP URI), when the agent has one */
            contact?: string;
            expiresAt: string;
            /** @enum {string} */
            status?: "held" | "accepted" | "rejected" | "lapsed";
        };
        RejectReservationDto: {
            /**
             * @description no_answer counts as a missed offer exactly as a lapse (three in a row: not_ready/missed_calls). Whatever the reason, this call is not offered to this agent again.
             * @enum {string}
             */
            reason?: "no_answer" | "busy" | "declined";
        };
        FallbackStepDto: {
            /** @description Counts once the call has waited this long */
            afterSeconds: number;
            /** @example cmn */
            dialect?: string;
            /** @description Applies to dialect */
            minProficiency?: number;
            /** @description All must match */
            skills?: string[];
        };
        EnqueueCallDto: {
            /**
             * @description The SIP Call-ID or any printable id
             * @example a84b4c76e66710@pbx.example
             */
            callId: string;
            /** @example cmn-x-wuhan */
            dialect?: string;
            /** @description Applies to dialect */
            minProficiency?: number;
            /** @description All must match */
            skills?: string[];
            /**
             * @description 9 first
             * @default 0
             */
            priority: number;
            /** @description Opaque caller reference (e.g. a hash of the number); stored only as a keyed hash, 30 days */
            callerRef?: string;
            /** @description Wider criteria that count after their delay */
            fallback?: components["schemas"]["FallbackStepDto"][];
        };
        OfferedReservationDto: {
            reservationId: string;
            agentId: string;
            externalId: string;
            /** @description Where to ring the agent, when it has one */
            contact?: string;
            expiresAt: string;
        };
        QueuedCallStateDto: {
            callId: string;
            /** @enum {string} */
            status: "queued" | "offered" | "connected" | "ended" | "abandoned";
            /** @description While queued: 1 = next among calls for the same dialect */
            position?: number;
            /** @description While queued: a rough estimate from recent handle times and logged-in agents */
            estimatedWaitSeconds?: number;
            /** @description Once offered */
            reservation?: components["schemas"]["OfferedReservationDto"];
        };
        QueuedCallPageDto: {
            items: components["schemas"]["QueuedCallStateDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        QueueSummaryItemDto: {
            dialect?: string;
            skills: string[];
            waiting: number;
            longestWaitSeconds: number;
        };
        QueueSummaryDto: {
            asOf: string;
            queues: components["schemas"]["QueueSummaryItemDto"][];
        };
        ResyncDto: {
            /** @description Every call the router still has */
            liveCallIds: string[];
        };
        ResyncResultDto: {
            /** @description Connected calls not listed, ended now */
            ended: number;
            /** @description Queued or offered calls not listed, abandoned */
            abandoned: number;
        };
        StrandedCallDto: {
            callId: string;
            agentId: string;
            externalId: string;
            teamId: string | null;
            /** @description The last call event for the agent (or when the call was accepted) */
            lastEventAt: string;
            alertedAt: string;
        };
        StrandedCallsDto: {
            items: components["schemas"]["StrandedCallDto"][];
        };
        EraseCallerDto: {
            callerRef: string;
        };
        EraseCallerResultDto: {
            /** @description Rows that held the caller’s hash (hostile record and calls) */
            erased: number;
        };
        ScheduleCallbackDto: {
            /**
             * @description The router’s id, idempotent
             * @example ivr-7f3a9c
             */
            callbackId: string;
            /** @description Opaque caller reference; stored only as a keyed hash (the hostile-caller rule) */
            callerRef: string;
            /** @description What the agent dials. Stored encrypted (AES-256-GCM), erased when the callback closes, never logged */
            dialTarget: string;
            /** @example yue */
            dialect?: string;
            /** @description Applies to dialect */
            minProficiency?: number;
            /** @description All must match */
            skills?: string[];
            /**
             * @description Not called before (not in the past)
             * @example 2026-11-23T14:00:00Z
             */
            notBefore: string;
            /**
             * @description Called by then, else missed; after notBefore and at most 7 days ahead
             * @example 2026-11-23T16:00:00Z
             */
            notAfter: string;
        };
        CallbackWindowDto: {
            notBefore: string;
            notAfter: string;
        };
        CallbackReservationDto: {
            reservationId: string;
            agentId: string;
            externalId: string;
            contact?: string;
            expiresAt: string;
            /** @enum {string} */
            kind: "callback";
            /** @description The number (or address) the agent dials */
            dialTarget: string;
        };
        CallbackStateDto: {
            callbackId: string;
            /**
             * @description scheduled (before notBefore or a retry), queued, offered, connected, then reached | wrong_number | missed
             * @enum {string}
             */
            status: "scheduled" | "queued" | "offered" | "connected" | "reached" | "wrong_number" | "missed";
            window: components["schemas"]["CallbackWindowDto"];
            attempts: number;
            /** @description Whether a person (an agent) has tried to call back yet */
            personHasTried: boolean;
            /** @enum {string} */
            lastResult?: "reached" | "no_answer" | "busy" | "wrong_number";
            /** @description When it is next offered, while waiting for a retry */
            nextAttemptAt?: string;
            dialect?: string;
            /** @description While offered or connected */
            reservation?: components["schemas"]["CallbackReservationDto"];
        };
        CallbackPageDto: {
            items: components["schemas"]["CallbackStateDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        CallbackDialectStatsDto: {
            /** @description null: callbacks for any dialect */
            dialect?: string | null;
            callbacks: number;
            /** @description Closed or past their window */
            settled: number;
            reachedInWindow: number;
            /** @description reachedInWindow ÷ settled */
            reachedInWindowShare: number | null;
            medianSecondsToFirstAttempt: number | null;
            attemptsPerCallback: number | null;
            missed: number;
        };
        CallbackStatsDto: {
            asOf: string;
            dialects: components["schemas"]["CallbackDialectStatsDto"][];
        };
        CallbackOutcomeDto: {
            /** @enum {string} */
            result: "reached" | "no_answer" | "busy" | "wrong_number";
        };
        CreateCounselorDto: {
            /** @example counsellor@example.com */
            email: string;
            password: string;
            /** @example Dr Li Na */
            displayName: string;
            /**
             * @description IANA zone the weekly hours are written in
             * @example Asia/Shanghai
             */
            timeZone: string;
            /**
             * @description Dialect tags from the routing-tag catalog (unknown → 400 UNKNOWN_TAG)
             * @example [
             *       "cmn",
             *       "cmn-x-wuhan"
             *     ]
             */
            languages?: string[];
        };
        WeeklyRuleDto: {
            /** @description ISO weekday, Monday = 1 */
            weekday: number;
            /**
             * @description Local time in the counsellor’s zone
             * @example 09:00
             */
            start: string;
            /**
             * @description After start; 24:00 = end of the day
             * @example 17:00
             */
            end: string;
        };
        DateOverrideDto: {
            /**
             * @description Local date in the counsellor’s zone
             * @example 2026-02-17
             */
            date: string;
            /** @description A day off: the weekly hours of this date do not apply */
            off?: boolean;
            /**
             * @description Extra hours this date (with end)
             * @example 18:00
             */
            start?: string;
            /** @example 20:00 */
            end?: string;
        };
        CounselorDto: {
            id: string;
            userId: string;
            displayName: string;
            timeZone: string;
            languages: string[];
            sessionMinutes: number[];
            bufferMinutes: number;
            minimumNoticeMinutes: number;
            bookingWindowDays: number;
            dailyMaximum: number;
            weekly: components["schemas"]["WeeklyRuleDto"][];
            overrides: components["schemas"]["DateOverrideDto"][];
        };
        CounselorPageDto: {
            items: components["schemas"]["CounselorDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        AvailabilityDto: {
            /** @description Replaces the weekly hours */
            weekly: components["schemas"]["WeeklyRuleDto"][];
            /** @default 10 */
            bufferMinutes: number;
            /** @default 120 */
            minimumNoticeMinutes: number;
            /**
             * @default [
             *       30,
             *       50
             *     ]
             * @example [
             *       30,
             *       50
             *     ]
             */
            sessionMinutes: number[];
            /** @default 30 */
            bookingWindowDays: number;
            /**
             * @description Sessions per local day
             * @default 6
             */
            dailyMaximum: number;
            /** @description Replaces the date overrides when given (days off, extra hours) */
            overrides?: components["schemas"]["DateOverrideDto"][];
        };
        SlotDto: {
            startsAt: string;
            endsAt: string;
        };
        SlotsDto: {
            slots: components["schemas"]["SlotDto"][];
        };
        SuggestedSlotDto: {
            startsAt: string;
            endsAt: string;
            counselorId: string;
            counselorName: string;
            minutes: number;
            languages: string[];
        };
        SuggestedSlotsDto: {
            slots: components["schemas"]["SuggestedSlotDto"][];
        };
        CreateBookingDto: {
            /** Format: uuid */
            counselorId: string;
            /**
             * @description A start time from the slots
             * @example 2026-01-06T02:00:00Z
             */
            startsAt: string;
            /**
             * @description A session length the counsellor offers
             * @example 50
             */
            minutes: number;
        };
        BookingDto: {
            id: string;
            counselorId: string;
            counselorName: string;
            agentId: string;
            /** @description The agent’s display name: the booking is seen only by the agent and its counsellor */
            agentName: string;
            startsAt: string;
            endsAt: string;
            minutes: number;
            /** @enum {string} */
            status: "booked" | "cancelled";
            cancelledAt?: string;
            /** @enum {string} */
            cancelledBy?: "agent" | "counselor";
            cancelReason?: string;
            /** @description The booking this one replaced */
            rescheduledFrom?: string;
            /** @description The booking that replaced this one */
            rescheduledTo?: string;
            /** @description Session notes: shown to the counsellor only */
            notes?: string;
            createdAt: string;
        };
        BookingPageDto: {
            items: components["schemas"]["BookingDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        CancelBookingDto: {
            reason?: string;
        };
        RescheduleBookingDto: {
            /**
             * Format: uuid
             * @description Default: the same counsellor
             */
            counselorId?: string;
            /** @example 2026-01-07T02:00:00Z */
            startsAt: string;
            /** @description Default: the same length */
            minutes?: number;
            /** @description A message to the agent, kept on the moved booking (default "rescheduled") */
            reason?: string;
        };
        BookingNotesDto: {
            /** @description Replaces the session notes (encrypted at rest) */
            notes: string;
        };
        CounselorNotificationDto: {
            /** Format: uuid */
            id: string;
            /**
             * @description A session in the counsellor’s calendar was cancelled; no agent or reason is given
             * @enum {string}
             */
            kind: "session_cancelled";
            startsAt: string;
            endsAt: string;
            createdAt: string;
        };
        CounselorNotificationListDto: {
            notifications: components["schemas"]["CounselorNotificationDto"][];
        };
        ExportedBookingDto: {
            id: string;
            counselorId: string;
            counselorName: string;
            agentId: string;
            /** @description The agent’s display name: the booking is seen only by the agent and its counsellor */
            agentName: string;
            startsAt: string;
            endsAt: string;
            minutes: number;
            /** @enum {string} */
            status: "booked" | "cancelled";
            cancelledAt?: string;
            /** @enum {string} */
            cancelledBy?: "agent" | "counselor";
            cancelReason?: string;
            /** @description The booking this one replaced */
            rescheduledFrom?: string;
            /** @description The booking that replaced this one */
            rescheduledTo?: string;
            /** @description Session notes: shown to the counsellor only */
            notes?: string;
            createdAt: string;
        };
        CounselingExportDto: {
            agentId: string;
            exportedAt: string;
            /** @description Every booking of the agent, with the session notes decrypted */
            bookings: components["schemas"]["ExportedBookingDto"][];
        };
        ErasedDto: {
            /** @description Bookings erased (with their notes) */
            erased: number;
            /** @description Upcoming sessions cancelled first (their counsellors were notified, without content) */
            cancelled: number;
        };
        SiteCountDto: {
            /** @description null: agents without a team/site */
            siteId: string | null;
            /** @description Sessions booked (not cancelled) starting in the month; under 5 shown as "<5" */
            sessions: number | "<5";
        };
        TeamCountDto: {
            teamId: string;
            /** @description Sessions booked by the team’s agents starting in the month; under 5 shown as "<5" */
            sessions: number | "<5";
        };
        MonthlyStatsDto: {
            month: string;
            /** @description For admins: every site with sessions */
            sites?: components["schemas"]["SiteCountDto"][];
            /** @description For a supervisor: their own team */
            teams?: components["schemas"]["TeamCountDto"][];
        };
        AuditEntryDto: {
            /** Format: uuid */
            id: string;
            at: string;
            /** @description user id, api-key:<id>, or system */
            actor: string;
            /** @example recovery.enforced */
            action: string;
            /** @example agent */
            subjectType: string;
            subjectId: string | null;
            details: {
                [key: string]: unknown;
            };
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ReportHostileDto: {
            severity: number;
            /** @description Confidential free text: stored, never logged or audited */
            note?: string;
        };
        HostileReportResultDto: {
            callId: string;
            /** Format: uuid */
            agentId: string;
            /** @description The call’s severity after this report */
            severity: number;
            previousSeverity: number | null;
            /** @description Recovery minutes the policy grants for the call (0 when recovery breaks are off) */
            recoveryMinutes: number;
        };
        ShortenRecoveryDto: {
            /**
             * @description New total length from the recovery’s start (≥ the policy floor)
             * @example 5
             */
            totalMinutes: number;
            /**
             * @description Why (audited)
             * @example agent asked to return
             */
            reason: string;
        };
        RecoveryViewDto: {
            /** Format: uuid */
            agentId: string;
            state: string;
            since: string;
            until?: string;
            totalMinutes: number;
        };
        ExtendRecoveryDto: {
            /**
             * @description Minutes to add (the total stays within the policy maximum)
             * @example 5
             */
            minutes: number;
        };
        PolicySettingsDto: {
            /**
             * @description Whether a hostile call gives a recovery break. When false, hostile calls are still recorded, reported and alerted (and counselling offered), but the agent goes to wrap-up and back to work as after any call; the report then shows no full recoveries.
             * @default true
             * @example true
             */
            recoveryBreaksEnabled: boolean;
            /**
             * @description Recovery minutes for severity 1, 2, 3
             * @example [
             *       5,
             *       10,
             *       15
             *     ]
             */
            recoveryMinutesBySeverity?: number[];
            /** @example 60 */
            escalationWindowMinutes?: number;
            /**
             * @description nth hostile call in the window alerts the supervisor
             * @example 2
             */
            escalationAlertAt?: number;
            /**
             * @description Length of a shift for counting hostile calls
             * @example 8
             */
            shiftHours?: number;
            /**
             * @description nth hostile call in a shift: longer recovery and a counselling offer
             * @example 3
             */
            counsellingOfferAt?: number;
            /** @example 15 */
            escalatedRecoveryMinutes?: number;
            /**
             * @description More hostile calls than this in a shift alerts the supervisor
             * @example 4
             */
            hostileCallsAlertAbove?: number;
            /** @example 3 */
            recoveryFloorMinutes?: number;
            /** @example 30 */
            recoveryMaximumMinutes?: number;
            /** @example 55 */
            microBreakAfterMinutes?: number;
            /** @example 20 */
            microBreakAfterCalls?: number;
            /** @example 5 */
            microBreakMinutes?: number;
            /** @example 15 */
            teamBreakCapPercent?: number;
            /** @example 60 */
            dailyBreakAllowanceMinutes?: number;
            /** @example 30 */
            occupancyAlertMinutes?: number;
        };
        PolicyViewDto: {
            /** @enum {string} */
            scope: "site" | "team";
            /** Format: uuid */
            scopeId: string;
            /**
             * @description Where the effective policy comes from
             * @enum {string}
             */
            source: "team" | "site" | "default";
            /** @description The effective policy, every setting filled in */
            policy: components["schemas"]["PolicySettingsDto"];
        };
        AlertDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            teamId: string | null;
            /** Format: uuid */
            agentId: string;
            /** @enum {string} */
            kind: "escalation" | "hostile_calls_in_shift" | "occupancy_above_cap" | "routed_during_protected_time";
            details: {
                [key: string]: unknown;
            };
            createdAt: string;
            acknowledgedAt?: string;
            /** Format: uuid */
            acknowledgedBy?: string;
        };
        AlertListDto: {
            alerts: components["schemas"]["AlertDto"][];
        };
        OfferDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "counselling";
            createdAt: string;
            /** @description A few free counselling slots, computed when read (counsellors speaking one of the agent’s dialects first); book one with POST /v1/counseling/bookings */
            suggestedSlots: components["schemas"]["SuggestedSlotDto"][];
        };
        OfferListDto: {
            offers: components["schemas"]["OfferDto"][];
        };
        DistributionBucketDto: {
            /** @description Hostile calls an agent had that day */
            hostileCalls: number;
            /** @description How many agents had that many */
            agents: number;
        };
        WellbeingReportDto: {
            /** Format: uuid */
            teamId: string;
            date: string;
            timeZone: string;
            hostileCalls: number;
            /** @description Hostile calls per agent, without names */
            hostileCallsPerAgent: components["schemas"]["DistributionBucketDto"][];
            recoveryMinutesGranted: number;
            /** @description Hostile calls followed by a recovery at least as long as the severity requires */
            hostileCallsWithFullRecovery: number;
            /** @description Share (0..1) of hostile calls with a full recovery; should be 1 (0 for calls taken while the policy gave no recovery breaks) */
            fullRecoveryShare: number | null;
            microBreaksGiven: number;
            /** @description Hostile calls (by the calls they ended) whose recovery started, by the presence history, before the agent’s next call */
            hostileCallsRecoveredBeforeNextCall: number;
            /** @description Share (0..1) of the day’s hostile calls whose recovery started before the agent’s next call, measured from the presence history (not from the grants); null on a day without hostile calls */
            recoveryBeforeNextCallShare: number | null;
        };
        BookBreakDto: {
            /** @example 2026-11-23T10:30:00Z */
            startsAt: string;
            /** @example 15 */
            minutes: number;
            /** @enum {string} */
            kind: "rest" | "meal";
        };
        BreakDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            agentId: string;
            /** @enum {string} */
            kind: "rest" | "meal";
            startsAt: string;
            endsAt: string;
            /** @enum {string} */
            status: "booked" | "cancelled";
        };
        BreakWindowDto: {
            /** @description A break may start from here … */
            startsFrom: string;
            /** @description … until (not including) here … */
            startsBefore: string;
            /** @description … and must end by here; null on a day without shifts (it may run past the day) */
            endsBy: string | null;
        };
        BreakWindowsDto: {
            /** @description The site's time zone, whose local days the windows follow */
            timeZone: string;
            windows: components["schemas"]["BreakWindowDto"][];
        };
        BreakCapacityDto: {
            /** @description How many of the team may be on a self-booked break at once now */
            cap: number;
            loggedInAgents: number;
            /** @description Others of the team already booked in that time */
            alreadyBooked: number;
            /** @description Whether one more fits (the booking itself checks again) */
            fits: boolean;
            allowanceMinutes: number;
            /** @description Break minutes already booked that local day */
            usedMinutes: number;
        };
        BreakListDto: {
            breaks: components["schemas"]["BreakDto"][];
        };
        ErlangRequestDto: {
            /**
             * @description Calls offered in one interval
             * @example 100
             */
            callsPerInterval: number;
            /** @example 30 */
            intervalMinutes: number;
            /**
             * @description Average handle time, seconds
             * @example 180
             */
            ahtSeconds: number;
            /**
             * @description Share of calls answered within targetAnswerSeconds
             * @example 0.8
             */
            targetServiceLevel: number;
            /** @example 20 */
            targetAnswerSeconds: number;
            /**
             * @description Base shrinkage 0..0.9
             * @example 0.3
             */
            shrinkage?: number;
            /** @example 0.85 */
            maxOccupancy?: number;
            /**
             * @description Mean caller patience, seconds: when given, Erlang A (with abandonment) is used
             * @example 120
             */
            patienceSeconds?: number;
            /**
             * @description Share of calls that are hostile (wellbeing shrinkage; with recoveryMinutesPerHostileCall)
             * @example 0.05
             */
            hostileCallRate?: number;
            /**
             * @description Enforced recovery minutes per hostile call
             * @example 7
             */
            recoveryMinutesPerHostileCall?: number;
            /**
             * Format: uuid
             * @description Figures left out come from this team: base shrinkage from its planning settings; hostileCallRate and recoveryMinutesPerHostileCall from its recent call history and wellbeing policy (its settings without history). shrinkage.sources says which
             */
            teamId?: string;
            /**
             * @description Callbacks to make in the interval: their work (× attempts × handle time) is added as its own line (callbacks). With teamId and left out: the team’s callbacks per interval over its last wellbeingHistoryWeeks
             * @example 20
             */
            callbacksPerInterval?: number;
            /**
             * @description Attempts per callback (no answer, busy and retries included). Left out: the team’s recent mean (teamId), else 1
             * @example 1.5
             */
            callbackAttemptsPerCallback?: number;
            /**
             * @description Outbound handle time per attempt, seconds. Left out: the team’s recent callback calls (teamId), else ahtSeconds
             * @example 240
             */
            callbackHandleSeconds?: number;
        };
        ShrinkageSourcesDto: {
            /**
             * @description request: given; setting: the team's planning setting; none: 0
             * @enum {string}
             */
            base: "request" | "setting" | "none";
            /**
             * @description history: the hostile share of the team's answered calls in the last wellbeingHistoryWeeks; setting: the team's stored figure (no history); none: no wellbeing part
             * @enum {string}
             */
            hostileCallRate: "request" | "history" | "setting" | "none";
            /**
             * @description history: the minutes the team's wellbeing policy granted per recovery (escalations included), or its minutes by severity weighted by the observed mix; setting: the stored figure (no hostile call seen)
             * @enum {string}
             */
            recoveryMinutesPerHostileCall: "request" | "history" | "setting" | "none";
            /**
             * @description request: given; setting: the team's planning setting; team-cap: the team's occupancy cap (with teamId and no setting); none: no occupancy limit
             * @enum {string}
             */
            maxOccupancy: "request" | "setting" | "team-cap" | "none";
        };
        WellbeingInputsDto: {
            hostileCallRate: number;
            recoveryMinutesPerHostileCall: number;
        };
        ShrinkageBreakdownDto: {
            /** @description Requested base shrinkage */
            base: number;
            /** @description Enforced recovery as a share of rostered time: R ÷ N, with R = traffic × hostileCallRate × recovery seconds ÷ AHT and N = (rawAgents + R) ÷ (1 − base) */
            wellbeing: number;
            /** @description base + wellbeing (capped at 0.95); agents = ceil(raw / (1 − total)) */
            total: number;
            /** @description true when base + wellbeing went above 0.95 and was cut to it: staffing is short */
            capped?: boolean;
            /** @description base + wellbeing before the cap (only when capped) */
            uncappedTotal?: number;
            /** @description Where each figure came from */
            sources?: components["schemas"]["ShrinkageSourcesDto"];
            /** @description The wellbeing figures used */
            wellbeingInputs?: components["schemas"]["WellbeingInputsDto"];
        };
        CallbackSourcesDto: {
            /**
             * @description history: the team’s callbacks with their window starting in the last wellbeingHistoryWeeks, per interval
             * @enum {string}
             */
            callbacksPerInterval: "request" | "history";
            /**
             * @description history: mean attempts of the team’s recent callbacks attempted at least once; default: 1
             * @enum {string}
             */
            attemptsPerCallback: "request" | "history" | "default";
            /**
             * @description history: mean recorded duration of the team’s recent callback calls (the last attempt of each); inbound-aht: ahtSeconds
             * @enum {string}
             */
            handleSecondsPerAttempt: "request" | "history" | "inbound-aht";
        };
        CallbackLoadDto: {
            callbacksPerInterval: number;
            attemptsPerCallback: number;
            handleSecondsPerAttempt: number;
            /** @description callbacks × attempts × handle seconds ÷ interval seconds (busy agents) */
            workloadErlangs: number;
            /** @description Whole agents added to rawAgents for it: ceil(workload ÷ maxOccupancy (1 without)); deferrable work, not queued against the answer target */
            agents: number;
            sources: components["schemas"]["CallbackSourcesDto"];
        };
        ErlangResponseDto: {
            /** @example 14 */
            rawAgents: number;
            /** @example 20 */
            agents: number;
            /** @example 0.8884 */
            serviceLevel: number;
            /** @example 0.1741 */
            probabilityOfWaiting: number;
            /** @example 7.84 */
            asaSeconds: number;
            /** @example 0.7143 */
            occupancy: number;
            /** @description Erlang A only */
            abandonmentProbability?: number;
            /** @enum {string} */
            model: "erlang-c" | "erlang-a";
            /** @example 10 */
            trafficErlangs: number;
            shrinkage: components["schemas"]["ShrinkageBreakdownDto"];
            /** @description With callback work: the inbound agents alone (rawAgents − callbacks.agents); serviceLevel, probabilityOfWaiting, asaSeconds and occupancy are at these */
            inboundRawAgents?: number;
            /** @description The callback work, its own line: present when callbacksPerInterval is given or the team (teamId) had callbacks */
            callbacks?: components["schemas"]["CallbackLoadDto"];
        };
        ServiceLevelIntervalDto: {
            /** @description Start of the 15-minute interval (ISO instant) */
            start: string;
            /** @description Calls that arrived in it and were answered or abandoned */
            offered: number;
            answered: number;
            /** @description Answered within targetAnswerSeconds of queuing */
            answeredInTime: number;
            abandoned: number;
            /** @description answeredInTime / offered (0..1); null with no calls */
            serviceLevel: number | null;
        };
        ServiceLevelDayDto: {
            /** Format: uuid */
            teamId: string;
            /** @example 2026-11-30 */
            date: string;
            /** @example Asia/Shanghai */
            timeZone: string;
            /** @example 15 */
            intervalMinutes: number;
            /**
             * @description From the team’s planning settings
             * @example 20
             */
            targetAnswerSeconds: number;
            /**
             * @description From the team’s planning settings
             * @example 0.8
             */
            targetServiceLevel: number;
            /** @description The day so far; null with no calls */
            serviceLevel: number | null;
            /** @description The day’s intervals up to now (today) or the whole day (a past day) */
            intervals: components["schemas"]["ServiceLevelIntervalDto"][];
        };
        ForecastIntervalDto: {
            /** @example 2026-01-05T01:00:00Z */
            start: string;
            /**
             * @description Omitted: the team's whole traffic
             * @example yue
             */
            dialect?: string;
            /** @example 120 */
            calls: number;
            /** @example 180 */
            ahtSeconds: number;
        };
        UploadForecastDto: {
            /** @example 30 */
            intervalMinutes: number;
            intervals?: components["schemas"]["ForecastIntervalDto"][];
            /**
             * @description CSV text: header `start,calls,ahtSeconds` (optional `dialect` column), one interval a line
             * @example start,dialect,calls,ahtSeconds
             *     2026-01-05T01:00:00Z,,120,180
             */
            csv?: string;
        };
        UploadResultDto: {
            stored: number;
        };
        ForecastFromHistoryDto: {
            /**
             * @description First local day to forecast
             * @example 2026-02-02
             */
            startDate: string;
            /** @example 7 */
            days: number;
            /** @example 30 */
            intervalMinutes: number;
            /**
             * @description Past weeks to weigh (newest most)
             * @default 4
             * @example 4
             */
            weeks: number;
            /**
             * @description Also build a forecast per dialect from the calls whose routing reservation asked for it (the team-wide forecast is always built)
             * @example [
             *       "yue",
             *       "cmn-x-wuhan"
             *     ]
             */
            dialects?: string[];
        };
        ForecastDto: {
            teamId: string;
            intervals: components["schemas"]["ForecastIntervalDto"][];
        };
        PlanningSettingsDto: {
            /** @example 0.8 */
            targetServiceLevel: number;
            /** @example 20 */
            targetAnswerSeconds: number;
            /** @example 0.3 */
            shrinkage: number;
            /**
             * @description Staffing's occupancy limit; unset = the team's occupancy cap (team settings, 0.85 by default)
             * @example 0.85
             */
            maxOccupancy?: number | null;
            /**
             * @description Share of calls that are hostile: the fallback when the team has no answered calls in the last wellbeingHistoryWeeks (planning uses the observed share otherwise)
             * @example 0.05
             */
            hostileCallRate: number;
            /**
             * @description Enforced recovery minutes per hostile call: the fallback when no hostile call was seen in the last wellbeingHistoryWeeks (planning weighs the team's wellbeing policy by the observed severity mix otherwise)
             * @example 7
             */
            recoveryMinutesPerHostileCall: number;
            /**
             * @description Weeks of call history the wellbeing figures are observed over
             * @default 4
             * @example 4
             */
            wellbeingHistoryWeeks: number;
        };
        RequirementDto: {
            /**
             * @description Interval start (on the grid)
             * @example 2026-01-05T01:00:00Z
             */
            start: string;
            /**
             * @description Counts only agents with this dialect at proficiency ≥ 3
             * @example yue
             */
            dialect?: string;
            /** @example 12 */
            agents: number;
        };
        GenerateScheduleDto: {
            /** Format: uuid */
            teamId: string;
            /**
             * @description First local day (site time zone)
             * @example 2026-01-05
             */
            startDate: string;
            /** @example 7 */
            days: number;
            /** @example 30 */
            intervalMinutes: number;
            /** @description Omitted: requirements come from the team's forecast through staffing */
            requirements?: components["schemas"]["RequirementDto"][];
        };
        GenerateAcceptedDto: {
            scheduleId: string;
            /** @enum {string} */
            status: "solving";
        };
        RequirementRowDto: {
            start: string;
            dialect?: string;
            /** @description Agents to roster: ceil(rawAgents / (1 − shrinkage.total)) */
            agents: number;
            /** @description Working agents: what Erlang C needs for the target, plus callbackAgents */
            rawAgents: number;
            /**
             * @description Whole agents of rawAgents for the team's callback work in the interval (callbacks × attempts × handle time ÷ interval, at the occupancy limit); 0 without callbacks and on dialect rows
             * @example 0
             */
            callbackAgents: number;
            shrinkage: components["schemas"]["ShrinkageBreakdownDto"];
        };
        BaseShrinkageFigureDto: {
            /** @example 0.3 */
            value: number;
            /** @enum {string} */
            source: "setting";
        };
        HostileRateFigureDto: {
            /** @example 0.04 */
            value: number;
            /**
             * @description history: the window's hostile calls blended with the team's stored setting, which counts as settingWeightCalls answered calls: (hostileCalls + settingWeightCalls × setting) ÷ (answeredCalls + settingWeightCalls), so a new team's first few calls do not decide it; setting: the stored planning setting (no answered call in the window)
             * @enum {string}
             */
            source: "history" | "setting";
            answeredCalls: number;
            hostileCalls: number;
            /**
             * @description hostileCalls ÷ answeredCalls, before the blend (history only)
             * @example 0.1
             */
            observedRate?: number;
            /**
             * @description How many answered calls the stored setting counts for in the blend (history only)
             * @example 100
             */
            settingWeightCalls?: number;
        };
        RecoveryMinutesFigureDto: {
            /** @example 7.5 */
            value: number;
            /**
             * @description history: the minutes the team's wellbeing policy granted per recovery (escalations included), or its minutes by severity weighted by the observed mix when nothing was granted; setting: the stored planning setting
             * @enum {string}
             */
            source: "history" | "setting";
            /** @description Hostile calls seen by severity 1, 2, 3 */
            severityMix?: number[];
            /** @description The policy's minutes for severity 1, 2, 3 */
            recoveryMinutesBySeverity?: number[];
            /**
             * @description grants: the mean minutes the policy granted per recovery (escalations included); severity-mix: the policy minutes by the observed severity mix (no grants)
             * @enum {string}
             */
            basis?: "grants" | "severity-mix";
            /** @description Recovery breaks granted in the window */
            grants?: number;
            /** @description Of them, escalated above the severity minutes */
            escalatedGrants?: number;
        };
        FigureWindowDto: {
            from: string;
            to: string;
            weeks: number;
        };
        WellbeingFiguresDto: {
            hostileCallRate: components["schemas"]["HostileRateFigureDto"];
            recoveryMinutesPerHostileCall: components["schemas"]["RecoveryMinutesFigureDto"];
            window: components["schemas"]["FigureWindowDto"];
        };
        PlanningShrinkageDto: {
            base: components["schemas"]["BaseShrinkageFigureDto"];
            /** @description The wellbeing figures (hostile call rate, recovery minutes per hostile call) and where each came from */
            wellbeing: components["schemas"]["WellbeingFiguresDto"];
        };
        MaxOccupancyFigureDto: {
            /** @example 0.85 */
            value: number;
            /**
             * @description setting: the team's planning setting; team-cap: the team's occupancy cap
             * @enum {string}
             */
            source: "setting" | "team-cap";
        };
        CallbackAttemptsFigureDto: {
            /** @example 1.5 */
            value: number;
            /**
             * @description history: mean attempts of the callbacks attempted; default: 1 (none attempted)
             * @enum {string}
             */
            source: "history" | "default";
        };
        CallbackHandleFigureDto: {
            /** @example 240 */
            value: number | null;
            /**
             * @description history: mean recorded duration of the callbacks' calls; inbound-aht: none recorded, each interval's forecast AHT is used (value null)
             * @enum {string}
             */
            source: "history" | "inbound-aht";
        };
        ForecastCallbackFiguresDto: {
            /** @description Callbacks of the team whose window started in the window */
            callbacks: number;
            window: components["schemas"]["FigureWindowDto"];
            attemptsPerCallback: components["schemas"]["CallbackAttemptsFigureDto"];
            handleSecondsPerAttempt: components["schemas"]["CallbackHandleFigureDto"];
        };
        StaffingWarningDto: {
            /** @enum {string} */
            code: "SHRINKAGE_CAPPED";
            message: string;
            intervals: number;
            worstUncappedTotal: number;
        };
        RequirementsPreviewDto: {
            requirements: components["schemas"]["RequirementRowDto"][];
            shrinkage: components["schemas"]["PlanningShrinkageDto"];
            /** @description The occupancy limit staffing used */
            maxOccupancy: components["schemas"]["MaxOccupancyFigureDto"];
            /** @description The team's recent callbacks behind callbackAgents (absent when it had none): per interval of the site-local week by window start, averaged over the window's weeks */
            callbacks?: components["schemas"]["ForecastCallbackFiguresDto"];
            /** @description What staffing could not honour (e.g. shrinkage above 0.95, cut to it) */
            warnings: components["schemas"]["StaffingWarningDto"][];
        };
        ScheduleSummaryDto: {
            id: string;
            teamId: string;
            status: string;
            startDate: string;
            days: number;
            objective?: number;
            lowerBound?: number;
        };
        SchedulePageDto: {
            items: components["schemas"]["ScheduleSummaryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ShiftDto: {
            id: string;
            scheduleId: string;
            agentId: string;
            startsAt: string;
            endsAt: string;
            breaks: components["schemas"]["BreakDto"][];
        };
        CoverageDto: {
            start: string;
            dialect?: string;
            required: number;
            /** @description Whole agents working and not on break: an agent counts for the interval when its shift covers the whole interval and none of its breaks overlaps it (for a dialect row, only agents with the dialect at proficiency ≥ 3) */
            scheduled: number;
        };
        ViolationDto: {
            /** @example REST_BETWEEN_SHIFTS */
            rule: string;
            agentId: string;
            message: string;
            at?: string;
        };
        DiagnosticReasonDto: {
            /** @enum {string} */
            code: "TEAM_TOO_SMALL" | "NO_QUALIFIED_AGENTS" | "DIALECT_TOO_FEW" | "TIME_OFF_OVER_PEAK" | "SHIFTS_UNASSIGNED" | "NO_SCHEDULE" | "HEADCOUNT_SHORT" | "CONTRACT_TRIMMED" | "SHORTFALL" | "BREAKS_TAKE_WHOLE_INTERVALS" | "TEMPLATES_MISS_DEMAND";
            /** @example The team is too small: the requirements need 858 agent-hours, ... */
            message: string;
            details?: Record<string, never>;
        };
        ShortfallFigureDto: {
            requiredAgentIntervals: number;
            /** @description Σ max(0, required − scheduled) */
            shortAgentIntervals: number;
            /** @description short ÷ required */
            share: number;
        };
        ShortfallByDialectDto: {
            requiredAgentIntervals: number;
            /** @description Σ max(0, required − scheduled) */
            shortAgentIntervals: number;
            /** @description short ÷ required */
            share: number;
            dialect: string;
        };
        ShortfallByDayDto: {
            requiredAgentIntervals: number;
            /** @description Σ max(0, required − scheduled) */
            shortAgentIntervals: number;
            /** @description short ÷ required */
            share: number;
            /**
             * @description Local date, over every requirement row
             * @example 2026-01-05
             */
            date: string;
        };
        ShortfallDto: {
            total: components["schemas"]["ShortfallFigureDto"];
            byDialect: components["schemas"]["ShortfallByDialectDto"][];
            byDay: components["schemas"]["ShortfallByDayDto"][];
        };
        PreferenceReportDto: {
            shiftsOutsideStartWindow: number;
            shiftsOnPreferredDaysOff: number;
            /** @description Σ over agents and weeks of (distinct start times − 1) */
            extraStartTimes: number;
            /** @description Max − min evening shifts (ending after 20:00 local) per agent */
            eveningSpread: number;
            /** @description Max − min weekend shifts per agent */
            weekendSpread: number;
        };
        ScheduleDiagnosticsDto: {
            /** @description Agent-hours the requirements need (per interval, the largest row) */
            demandAgentHours: number;
            /** @description Agent-hours the team can be on the phones at most while calls are asked for: contracts, site rules (or the team’s shift templates, their lengths and start times), published shifts and time off, less paid rest breaks */
            capacityAgentHours: number;
            reasons: components["schemas"]["DiagnosticReasonDto"][];
            solverStatus?: string;
            /** @description Agents who got no shift at all */
            unassignedAgents?: string[];
            shortfall?: components["schemas"]["ShortfallDto"];
            preferences?: components["schemas"]["PreferenceReportDto"];
        };
        ScheduleDto: {
            id: string;
            teamId: string;
            /** @enum {string} */
            status: "solving" | "draft" | "published" | "failed";
            /** @description 0..1 while solving */
            progress?: number;
            objective?: number;
            /** @description A proven lower bound on the objective: the LP relaxation, raised by what evening and weekend shifts must cost in fairness and in the start windows and days off they break (gap = (objective − lowerBound) / objective) */
            lowerBound?: number;
            failureReason?: string;
            startDate: string;
            days: number;
            intervalMinutes: number;
            shifts: components["schemas"]["ShiftDto"][];
            coverage: components["schemas"]["CoverageDto"][];
            violations: components["schemas"]["ViolationDto"][];
            diagnostics: components["schemas"]["ScheduleDiagnosticsDto"];
        };
        EditBreakDto: {
            startsAt: string;
            endsAt: string;
            /** @enum {string} */
            kind: "meal" | "rest";
        };
        EditShiftDto: {
            startsAt?: string;
            endsAt?: string;
            /**
             * Format: uuid
             * @description Give the shift to another agent
             */
            agentId?: string;
            /** @description Omitted while times change: breaks are placed again */
            breaks?: components["schemas"]["EditBreakDto"][];
        };
        ShiftPageDto: {
            items: components["schemas"]["ShiftDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        RosterShiftDto: {
            shiftId: string;
            agentId: string;
            /** @description The colleague's display name */
            displayName: string;
            startsAt: string;
            endsAt: string;
        };
        TeamRosterDto: {
            teamId: string;
            from: string;
            to: string;
            /** @description Published shifts of the team, earliest first (breaks and the reasons for absences are not part of it) */
            shifts: components["schemas"]["RosterShiftDto"][];
        };
        LabourRulesDto: {
            /** @example 240 */
            minShiftMinutes?: number;
            /** @example 540 */
            maxShiftMinutes?: number;
            /** @example 480 */
            maxDailyWorkMinutes?: number;
            /** @example 2400 */
            maxWeeklyWorkMinutes?: number;
            /** @example 2160 */
            maxMonthlyOvertimeMinutes?: number;
            /** @example 1 */
            minDaysOffPerWeek?: number;
            /** @example 660 */
            minRestMinutesBetweenShifts?: number;
            /** @example 6 */
            maxConsecutiveWorkDays?: number;
            /** @example 360 */
            mealBreakAfterShiftMinutes?: number;
            /** @example 30 */
            mealBreakMinMinutes?: number;
            /** @example 60 */
            mealBreakMaxMinutes?: number;
            /** @example 180 */
            mealBreakEarliestStartMinutes?: number;
            /** @example 300 */
            mealBreakLatestStartMinutes?: number;
            /** @example 15 */
            restBreakMinutes?: number;
            /** @example 120 */
            restBreakPerWorkedMinutes?: number;
            /** @example 60 */
            solverTimeLimitSeconds?: number;
        };
        CreateTimeOffDto: {
            /** Format: uuid */
            agentId: string;
            /**
             * @description time_off waits for a scheduler; unavailable (declared) takes effect at once
             * @enum {string}
             */
            kind: "time_off" | "unavailable";
            startsAt: string;
            endsAt: string;
            reason?: string;
        };
        TimeOffDto: {
            id: string;
            agentId: string;
            /** @enum {string} */
            kind: "time_off" | "unavailable";
            startsAt: string;
            endsAt: string;
            /**
             * @description withdrawn: the agent took a pending request back
             * @enum {string}
             */
            status: "pending" | "approved" | "denied" | "withdrawn";
            reason?: string | null;
            /** @description The scheduler's reason for a denial */
            decisionReason?: string | null;
        };
        TimeOffPageDto: {
            items: components["schemas"]["TimeOffDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        RemovedShiftDto: {
            shiftId: string;
            scheduleId: string;
            startsAt: string;
            endsAt: string;
            /** @description Posted on the open-shift board (null in a preview: nothing is posted yet) */
            openShiftId: string | null;
        };
        CoverageChangeDto: {
            start: string;
            dialect?: string;
            required: number;
            scheduledBefore: number;
            scheduledAfter: number;
        };
        TimeOffDecisionEffectDto: {
            removedShifts: components["schemas"]["RemovedShiftDto"][];
            /** @description Requirement rows whose coverage dropped */
            coverageEffect: components["schemas"]["CoverageChangeDto"][];
        };
        TimeOffDecisionDto: {
            id: string;
            agentId: string;
            /** @enum {string} */
            kind: "time_off" | "unavailable";
            startsAt: string;
            endsAt: string;
            /**
             * @description withdrawn: the agent took a pending request back
             * @enum {string}
             */
            status: "pending" | "approved" | "denied" | "withdrawn";
            reason?: string | null;
            /** @description The scheduler's reason for a denial */
            decisionReason?: string | null;
            removedShifts?: components["schemas"]["RemovedShiftDto"][];
            coverageEffect?: components["schemas"]["CoverageChangeDto"][];
        };
        DenyTimeOffDto: {
            /** @description Shown to the agent */
            reason?: string;
        };
        OfferSwapDto: {
            /**
             * Format: uuid
             * @description A published shift of the calling agent
             */
            shiftId: string;
            /**
             * Format: uuid
             * @description A trade: the colleague's published shift wanted in return (the colleague accepts, a scheduler approves)
             */
            counterShiftId?: string;
        };
        SwapDto: {
            id: string;
            shiftId: string;
            offeredBy: string;
            acceptedBy?: string | null;
            /** @enum {string} */
            status: "open" | "proposed" | "accepted" | "completed" | "cancelled" | "rejected";
            startsAt: string;
            endsAt: string;
            /** @description Dialects the taker needs at proficiency ≥ 3 */
            requiredDialects: string[];
            /** @description Trades: the shift given in return */
            counterShiftId?: string;
            counterAgentId?: string | null;
            counterStartsAt?: string;
            counterEndsAt?: string;
            /** @description The scheduler user who approved the trade */
            approvedBy?: string | null;
        };
        SwapPageDto: {
            items: components["schemas"]["SwapDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        AcceptSwapDto: {
            /**
             * Format: uuid
             * @description Schedulers may accept on behalf of an agent
             */
            agentId?: string;
        };
        AdherenceRowDto: {
            agentId: string;
            start: string;
            scheduledMinutes: number;
            adherentMinutes: number;
            adherence: number | null;
        };
        AdherenceDto: {
            items: components["schemas"]["AdherenceRowDto"][];
        };
        OutOfAdherenceDto: {
            agentId: string;
            /** @enum {string} */
            expected: "work" | "break";
            /** @description Current presence state (private sessions show as not_ready) */
            state: string;
            since: string;
        };
        LiveAdherenceDto: {
            asOf: string;
            outOfAdherence: components["schemas"]["OutOfAdherenceDto"][];
        };
        CalendarFeedStatusDto: {
            /** @description Whether a subscription URL is live */
            active: boolean;
            createdAt: string | null;
        };
        CalendarFeedDto: {
            /**
             * @description The subscription URL path (shown once); add it to a phone or mail calendar
             * @example /v1/calendar-feeds/2x9...Q.ics
             */
            path: string;
            createdAt: string;
        };
        WeeklyUnavailabilityDto: {
            /** @description ISO weekday, Monday = 1 */
            weekday: number;
            /**
             * @description Local time
             * @example 18:00
             */
            start: string;
            /**
             * @description Local time; at or before start runs past midnight
             * @example 24:00
             */
            end: string;
        };
        StartWindowDto: {
            /** @example 07:00 */
            earliest: string;
            /** @example 10:00 */
            latest: string;
        };
        WorkProfileDto: {
            agentId: string;
            minWeeklyHours?: number | null;
            maxWeeklyHours?: number | null;
            unavailability: components["schemas"]["WeeklyUnavailabilityDto"][];
            preferredStartWindow?: components["schemas"]["StartWindowDto"] | null;
            preferredDaysOff: number[];
        };
        PutWorkProfileDto: {
            /**
             * @description Contract: at least these paid hours a week (soft)
             * @example 20
             */
            minWeeklyHours?: number;
            /**
             * @description Contract: at most these paid hours a week (hard)
             * @example 24
             */
            maxWeeklyHours?: number;
            /** @description Recurring weekly times the agent cannot work (hard) */
            unavailability?: components["schemas"]["WeeklyUnavailabilityDto"][];
            /** @description Preferred shift starts (soft) */
            preferredStartWindow?: components["schemas"]["StartWindowDto"];
            /**
             * @description ISO weekdays preferred off (soft)
             * @example [
             *       6,
             *       7
             *     ]
             */
            preferredDaysOff?: number[];
        };
        ShiftTemplateDto: {
            /**
             * @description Local start
             * @example 08:00
             */
            start: string;
            /** @example 480 */
            minutes: number;
        };
        ShiftSettingsDto: {
            /** @description The only shifts to plan; empty = any */
            shiftTemplates: components["schemas"]["ShiftTemplateDto"][];
            /** @description Prefer one start time per agent across the week (soft) */
            consistentStartTimes: boolean;
        };
        OpenShiftDto: {
            id: string;
            scheduleId: string;
            teamId: string;
            startsAt: string;
            endsAt: string;
            breaks: components["schemas"]["BreakDto"][];
            /** @description Dialects the taker needs at proficiency ≥ 3 */
            requiredDialects: string[];
            /** @enum {string} */
            origin: "time_off" | "unassigned" | "manual";
            /** @enum {string} */
            status: "open" | "taken" | "cancelled";
            takenBy?: string | null;
        };
        OpenShiftPageDto: {
            items: components["schemas"]["OpenShiftDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        PostOpenShiftDto: {
            startsAt: string;
            endsAt: string;
            requiredDialects?: string[];
        };
        ClaimOpenShiftDto: {
            /**
             * Format: uuid
             * @description Schedulers may assign it to an agent
             */
            agentId?: string;
        };
        ClaimedOpenShiftDto: {
            openShift: components["schemas"]["OpenShiftDto"];
            /** @description The new published shift of the taker */
            shiftId: string;
        };
        RepairFilledDto: {
            openShiftId: string;
            agentId: string;
            shiftId: string;
            startsAt: string;
            endsAt: string;
        };
        RepairUnfilledDto: {
            openShiftId: string;
            /** @enum {string} */
            reason: "NO_QUALIFIED_AGENT" | "RULES" | "TAKEN";
            rule?: string;
        };
        RepairResultDto: {
            scheduleId: string;
            filled: components["schemas"]["RepairFilledDto"][];
            unfilled: components["schemas"]["RepairUnfilledDto"][];
            /** @description Shifts of the schedule left exactly as they were */
            keptShifts: number;
            shortfallBefore: components["schemas"]["ShortfallDto"];
            shortfallAfter: components["schemas"]["ShortfallDto"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    EventsController_stream: {
        parameters: {
            query?: {
                /** @description The same as the Last-Event-ID header, for clients that cannot set headers */
                lastEventId?: unknown;
            };
            header?: {
                /** @description Resume after this event id: every event after it that the caller may see is replayed first */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream: `id`, `event` (the type) and `data` (JSON) per event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor, counselor, agent, router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description DATABASE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description UNAUTHENTICATED: wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TOO_MANY_ATTEMPTS: 5 failures for the email or 20 from the client address in 15 minutes */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description UNAUTHENTICATED: wrong email or password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description TOO_MANY_ATTEMPTS */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CSRF_FAILED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description UNAUTHENTICATED: no session, signed out, idle too long or past its length */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description CSRF_FAILED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor, counselor, agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    MeController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description WRONG_PASSWORD: currentPassword is wrong
             *
             *     FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor, counselor, agent
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SessionSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SessionSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSessionSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SitesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SitePageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SitesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSiteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SitesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SitesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSiteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                siteId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTeamDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TeamsController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTeamSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Part of the name or email (case-insensitive) */
                search?: string;
                role?: "admin" | "scheduler" | "supervisor" | "counselor" | "agent";
                teamId?: string;
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    UsersController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingTagsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingTagListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler, supervisor, counselor, agent, router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingTagsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingTagDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingTagViewDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description DUPLICATE_TAG */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingTagsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoutingTagDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingTagViewDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_importCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportAgentsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAgentsResultDto"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_CSV_HEADER or TOO_MANY_ROWS */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                externalId?: string;
                teamId?: string;
                /** @description Part of the name or external id (case-insensitive) */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor, scheduler, router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDto"];
                };
            };
            /** @description VALIDATION_FAILED or UNKNOWN_TAG */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description DUPLICATE_EXTERNAL_ID or DUPLICATE_EMAIL */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor, router, scheduler, agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_workplace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentWorkplaceDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor, scheduler, agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AgentsController_replaceTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentTagsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentDto"];
                };
            };
            /** @description VALIDATION_FAILED or UNKNOWN_TAG */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    PresenceController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresenceDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, router, supervisor, admin, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    PresenceController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePresenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PresenceDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description BREAK_ENFORCED, AGENT_NOT_READY or INVALID_TRANSITION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallsController_ingest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallEventBatchDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallEventBatchResultDto"];
                };
            };
            /** @description VALIDATION_FAILED or UNKNOWN_AGENT */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallsController_agentLoad: {
        parameters: {
            query?: {
                /** @description minutes, default 60 */
                window?: number;
            };
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLoadDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, supervisor, admin, router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallsController_recentCalls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecentCallsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallsController_teamLoad: {
        parameters: {
            query?: {
                /** @description minutes, default 60 */
                window?: number;
            };
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamLoadDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingController_available: {
        parameters: {
            query?: {
                dialect?: string;
                /** @description Applies to dialect */
                minProficiency?: number;
                /** @description Repeat for several skills; all must match */
                skill?: string[];
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailableAgentsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingController_reserve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateReservationDto"];
            };
        };
        responses: {
            /** @description Idempotent retry: the live reservation of this callId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NO_AGENT_AVAILABLE with details.retryAfterSeconds */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description RESERVATION_EXPIRED or RESERVATION_NOT_HELD */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    RoutingController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectReservationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReservationDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description RESERVATION_EXPIRED (it lapsed first) or RESERVATION_NOT_HELD (it was accepted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "queued" | "offered" | "connected" | "ended" | "abandoned";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_enqueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnqueueCallDto"];
            };
        };
        responses: {
            /** @description A known callId: its current state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallStateDto"];
                };
            };
            /** @description offered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallStateDto"];
                };
            };
            /** @description queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallStateDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NO_QUALIFIED_AGENT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_get: {
        parameters: {
            query?: {
                /** @description Wait up to this long for the status to change */
                waitSeconds?: number;
                /** @description The status the caller last saw: the wait ends as soon as the status differs from it (at once if it already does). Without it, the status at the time of the request. A router that polls again after a reject passes `queued`, so a new offer made in between is not waited past. */
                status?: "queued" | "offered" | "connected" | "ended" | "abandoned";
            };
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallStateDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_abandon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedCallStateDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description CALL_CONNECTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSummaryDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_resync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResyncDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResyncResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_stranded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StrandedCallsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    QueueController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseCallerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EraseCallerResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallbacksController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "scheduled" | "queued" | "offered" | "connected" | "reached" | "wrong_number" | "missed";
                /** @description Windows ending at or after this */
                from?: string;
                /** @description Windows starting at or before this */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallbacksController_schedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleCallbackDto"];
            };
        };
        responses: {
            /** @description A known callbackId: its current state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackStateDto"];
                };
            };
            /** @description scheduled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackStateDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallbacksController_stats: {
        parameters: {
            query?: {
                /** @description Callbacks whose window starts at or after this */
                from?: string;
                /** @description Callbacks whose window starts before this */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackStatsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallbacksController_get: {
        parameters: {
            query?: {
                waitSeconds?: number;
                /** @description The status the caller last saw: the wait ends as soon as the status differs from it (at once if it already does). Without it, the status at the time of the request */
                status?: "scheduled" | "queued" | "offered" | "connected" | "reached" | "wrong_number" | "missed";
            };
            header?: never;
            path: {
                callbackId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackStateDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CallbacksController_outcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callbackId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackOutcomeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackStateDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles router */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description CALLBACK_NOT_OFFERED, CALLBACK_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Only counsellors speaking this */
                language?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselorPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCounselorDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselorDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description DUPLICATE_EMAIL */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselorDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_setAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AvailabilityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselorDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles counselor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_slots: {
        parameters: {
            query?: {
                /** @description Default: now */
                from?: string;
                /** @description Default: from + 7 days (at most 62 days are searched) */
                to?: string;
                /** @description Session length; default: the first length offered */
                minutes?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlotsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_suggested: {
        parameters: {
            query?: {
                count?: number;
                /** @description Default: now */
                from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SuggestedSlotsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_listBookings: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin, supervisor, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_book: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBookingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SLOT_TAKEN (someone booked it), SLOT_UNAVAILABLE (outside availability, buffer, notice, window, daily maximum, length; details.reason), BOOKING_LIMIT, OVERLAPPING_BOOKING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_getBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin, supervisor, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND: no such booking, or the caller is neither its agent nor its counsellor (a booking is confidential) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelBookingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor, admin, supervisor, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND: no such booking, or the caller is neither its agent nor its counsellor (a booking is confidential) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description BOOKING_OVER */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_reschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleBookingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, counselor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND: no such booking, or the caller is neither its agent nor its counsellor (a booking is confidential) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SLOT_TAKEN, SLOT_UNAVAILABLE, BOOKING_NOT_RESCHEDULABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_setNotes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookingNotesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles counselor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND: no such booking, or the caller is neither its agent nor its counsellor (a booking is confidential) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_notifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselorNotificationListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles counselor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_exportMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounselingExportDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_eraseMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasedDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CounselingController_stats: {
        parameters: {
            query: {
                /** @description Calendar month, in each site’s time zone (UTC for agents without a site) */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MonthlyStatsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                action?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_report: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                callId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportHostileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HostileReportResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_shorten: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShortenRecoveryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryViewDto"];
                };
            };
            /** @description BELOW_RECOVERY_FLOOR or NOT_SHORTER */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_IN_RECOVERY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendRecoveryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryViewDto"];
                };
            };
            /** @description ABOVE_RECOVERY_MAXIMUM */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_IN_RECOVERY */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_teamPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyViewDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_putTeamPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicySettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyViewDto"];
                };
            };
            /** @description VALIDATION_FAILED or INVALID_POLICY */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_sitePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyViewDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_putSitePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicySettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyViewDto"];
                };
            };
            /** @description VALIDATION_FAILED or INVALID_POLICY */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_alerts: {
        parameters: {
            query: {
                teamId: string;
                /** @description Include acknowledged alerts (default false) */
                includeAcknowledged?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_ack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_offers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfferListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_declineOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description NOT_FOUND: no such offer of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_teamReport: {
        parameters: {
            query: {
                teamId: string;
                /** @description A day in the site’s time zone */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WellbeingReportDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_listBreaks: {
        parameters: {
            query?: {
                /** @description Supervisors and admins: whose breaks (agents see their own) */
                agentId?: string;
                /** @description Only breaks ending after this time */
                from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakListDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_book: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BookBreakDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description BREAK_CAPACITY, BREAK_OVERLAP, OUTSIDE_SHIFT or BREAK_ALLOWANCE_EXCEEDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_breakWindows: {
        parameters: {
            query: {
                from: string;
                /** @description After from, at most 7 days on */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakWindowsDto"];
                };
            };
            /** @description VALIDATION_FAILED (to not after from, or more than 7 days) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_breakCapacity: {
        parameters: {
            query: {
                /** @description Start of the break being considered */
                startsAt: string;
                minutes: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakCapacityDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WellbeingController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    StaffingController_erlangC: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErlangRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErlangResponseDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ServiceLevelController_day: {
        parameters: {
            query?: {
                /** @description The day in the site’s time zone (default: today there) */
                date?: string;
            };
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceLevelDayDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles supervisor, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ForecastsController_get: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ForecastsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadForecastDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResultDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ForecastsController_fromHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForecastFromHistoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ForecastsController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanningSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    ForecastsController_putSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanningSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanningSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_generate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateScheduleDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GenerateAcceptedDto"];
                };
            };
            /** @description VALIDATION_FAILED, UNKNOWN_TEAM or START_DATE_IN_PAST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_preview: {
        parameters: {
            query: {
                teamId: string;
                startDate: string;
                days: number;
                intervalMinutes: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequirementsPreviewDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                teamId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SchedulePageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SCHEDULE_NOT_DRAFT or SHIFT_OVERLAP */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_editShift: {
        parameters: {
            query?: {
                /** @description true: check every rule and answer the shift as it would be (breaks placed), saving nothing */
                dryRun?: boolean;
            };
            header?: never;
            path: {
                id: string;
                shiftId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditShiftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftDto"];
                };
            };
            /** @description OUTSIDE_SCHEDULE (a new start must fall on one of the schedule's days; details.from/to), AGENT_NOT_IN_TEAM or VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description RULE_VIOLATION (details.rule names it) or SHIFT_OVERLAP */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_agentShifts: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_roster: {
        parameters: {
            query: {
                /** @description Shifts ending after this */
                from: string;
                /** @description Shifts starting before this; at most 35 days after `from` */
                to: string;
            };
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeamRosterDto"];
                };
            };
            /** @description VALIDATION_FAILED (to not after from, or more than 35 days) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SchedulesController_calendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    LabourRulesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabourRulesDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin, scheduler */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    LabourRulesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabourRulesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabourRulesDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                agentId?: string;
                status?: "pending" | "approved" | "denied" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTimeOffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_effect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffDecisionEffectDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffDecisionDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_deny: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DenyTimeOffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    TimeOffController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeOffDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description ALREADY_DECIDED (details.status) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "open" | "proposed" | "accepted" | "completed" | "cancelled" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin, supervisor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_offer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfferSwapDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SHIFT_NOT_PUBLISHED, SHIFT_STARTED, RULE_VIOLATION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptSwapDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description RULE_VIOLATION (details.rule), SWAP_CLOSED (details.status: what it is now) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description RULE_VIOLATION (details.rule), SWAP_CLOSED (details.status), SWAP_STALE, SWAP_NOT_TRADE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SWAP_CLOSED (details.status: what it is now) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    SwapsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SwapDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdherenceController_report: {
        parameters: {
            query: {
                teamId: string;
                from: string;
                to: string;
                intervalMinutes?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdherenceDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles supervisor, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    AdherenceController_live: {
        parameters: {
            query: {
                teamId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveAdherenceDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles supervisor, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CalendarFeedsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedStatusDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CalendarFeedsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CalendarFeedsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    CalendarFeedsController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/calendar */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WorkProfilesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkProfileDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /**
             * @description Another agent, or another team
             *
             *     FORBIDDEN: caller lacks one of the roles agent, scheduler, supervisor, admin
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WorkProfilesController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutWorkProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkProfileDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WorkProfilesController_getShiftSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftSettingsDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    WorkProfilesController_putShiftSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShiftSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShiftSettingsDto"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OpenShiftsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Agents see their own team's board */
                teamId?: string;
                scheduleId?: string;
                status?: "open" | "taken" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenShiftPageDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, supervisor, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OpenShiftsController_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostOpenShiftDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenShiftDto"];
                };
            };
            /** @description OUTSIDE_SCHEDULE (it must start on one of the schedule's days; details.from/to), START_IN_PAST or VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SCHEDULE_NOT_PUBLISHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OpenShiftsController_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimOpenShiftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClaimedOpenShiftDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles agent, scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description OPEN_SHIFT_TAKEN, RULE_VIOLATION (details.rule), SHIFT_OVERLAP, SHIFT_STARTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OpenShiftsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenShiftDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description OPEN_SHIFT_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
    OpenShiftsController_repair: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepairResultDto"];
                };
            };
            /** @description UNAUTHENTICATED: missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description FORBIDDEN: caller lacks one of the roles scheduler, admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
            /** @description SCHEDULE_NOT_PUBLISHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBodyDto"];
                };
            };
        };
    };
}
