// The stand-in's own pages: a sign-in form (type a demo user name) and the sign-out confirmation.
const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const layout = (title, body) => `<!DOCTYPE html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
<main>
<p><strong>Test identity provider</strong> — stands in for Microsoft Entra ID in tests only. 测试用身份提供方。</p>
${body}
</main>
</body>
</html>`;

export function signInPage({ action, clientId, error, userName }) {
  return layout('Sign in 登录', `
<h1 id="sign-in-heading">Sign in 登录</h1>
<p>to application <code>${escape(clientId)}</code>. Users: alice, bob, carol, dave, overage, hasgroups.</p>
${error ? `<p id="sign-in-error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
  <label for="username">User name 用户名</label>
  <input id="username" name="username" autocomplete="username" autofocus value="${escape(userName)}">
  <button id="sign-in" type="submit">Sign in 登录</button>
</form>`);
}

// oidc-provider's rpInitiatedLogout.logoutSource: `form` is its hidden form (id op.logoutForm).
export function signOutPage(ctx, form) {
  ctx.type = 'html';
  ctx.body = layout('Sign out 退出', `
<h1 id="sign-out-heading">Sign out of the test identity provider? 退出登录？</h1>
${form}
<button id="sign-out-yes" type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out 退出</button>
<button id="sign-out-no" type="submit" form="op.logoutForm">No, stay signed in 保持登录</button>`);
}

export function signedOutPage(ctx) {
  ctx.type = 'html';
  ctx.body = layout('Signed out 已退出', '<h1 id="signed-out-heading">You are signed out. 已退出登录。</h1>');
}

export function errorPage(ctx, out) {
  ctx.type = 'html';
  ctx.body = layout('Error 错误', `<h1 id="error-heading">Sign-in failed 登录失败</h1>
<pre id="error">${escape(out.error)}: ${escape(out.error_description)}</pre>`);
}
