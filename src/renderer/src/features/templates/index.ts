/** What other features may place: the Source page puts "Send test event" next to its tabs. */
export { SendTestEventButton } from './SendTestEventButton';
export { SendTestEventMenu, type SendTestEventMenuProps } from './SendTestEventMenu';
export { TemplateLogo } from './TemplateLogo';
