'use client';

export { ErrorView as default } from '@/components/ui/error-view';
