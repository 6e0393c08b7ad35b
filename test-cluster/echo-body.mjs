// The fixed body the test cluster's echo server answers (and port-forward tests expect).
export const ECHO_BODY = 'hello from wheelhouse test-cluster\n';
