/**
 * Where request and user data enter an LLM application, as data: web handler
 * decorators and registrations, request-body expressions, parameter names
 * that say "user input", and the framework parameters that are not user data.
 */

/** Python decorators that make a function a web handler: `@app.post(…)`, `@router.get(…)`, `@bp.route(…)`, `@api_view(…)`. */
export const pythonHandlerDecorator = /^(?:[A-Za-z_][\w.]*\.)?(?:get|post|put|patch|delete|route|api_route|websocket|api_view|action|endpoint)\s*\(/;

/** JS/TS route registrations: `app.post('/x', handler)`, `router.get(…)`, Hono/Express/Fastify. */
export const jsRouteMethods: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'route', 'handle'];
export const jsRouteReceiver = /^(app|router|server|api|fastify|hono|route|routes|r)$/i;

/** Next.js / Remix route handlers: exported functions named like HTTP verbs (`export async function POST(req)`), and `action`s. */
export const jsHandlerExports: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'action'];

/**
 * Request bodies, queries and forms: the root (`request`, `req`, `ctx`) followed
 * by one of these members. `await request.json()` and `req.body.message` both match.
 */
export const requestRoots: readonly string[] = ['request', 'req', 'ctx', 'c', 'event'];
export const requestMembers: readonly string[] = [
  'json', 'get_json', 'form', 'args', 'values', 'data', 'body', 'files', 'POST', 'GET', 'query_params', 'path_params', 'query', 'params',
  'formData', 'text', 'text()', 'valid', 'req',
];

/** Handler parameters that are framework plumbing, not user data (by name or by annotation). */
export const plumbingParameterNames = /^(self|cls|request|req|res|response|reply|next|ctx|context|db|session|background_tasks|settings|config|current_user|user|token|credentials|websocket|ws|env|client|app|_\w*)$/i;
export const plumbingAnnotations = /\b(Request|Response|Session|AsyncSession|BackgroundTasks|WebSocket|Settings|Depends|Security|HTTPAuthorizationCredentials|OAuth2PasswordRequestForm|User|NextRequest|NextResponse|Context)\b/;

/** Parameter names that say the value is a user's text, wherever the function is called from. */
export const userInputNames = /^(?:user_?(?:input|message|msg|query|question|prompt|text|request|content|instructions?)|user_?q|userInput|userMessage|userQuery|userPrompt|userQuestion|userText|userRequest)$/i;

/** Calls that return what a user typed into the app's own UI (origin paths). */
/** A terminal's `input()` is left out: who types there is the operator running the script. */
export const uiInputCalls: readonly string[] = ['streamlit.chat_input', 'streamlit.text_input', 'streamlit.text_area', 'gradio.Textbox'];
