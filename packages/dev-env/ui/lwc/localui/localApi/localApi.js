/** Calls to the local server's own endpoints (not Apex): the simulated tenant and the local org's users. */
async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!answer.ok) throw new Error(answer.error?.message ?? `${method} ${path} failed`);
  return answer.value;
}

export const getTenant = () => request('GET', '/api/local/tenant');
export const applyNextChangeSet = () => request('POST', '/api/local/change-sets/next');
export const getUsers = () => request('GET', '/api/local/users');
export const getActivity = () => request('GET', '/api/local/activity');
