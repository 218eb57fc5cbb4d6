export function contentSecurityPolicy(https: boolean): string;
export function securityHeaders(siteUrl: string): { key: string; value: string }[];
