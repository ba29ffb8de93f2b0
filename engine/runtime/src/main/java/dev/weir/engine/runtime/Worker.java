package dev.weir.engine.runtime;

import java.util.List;

/**
 * A thread's duty cycle over a fixed set of tasks (Agrona's {@code AgentRunner}). Cooperative nodes share a
 * worker; a blocking node has a worker of its own.
 *
 * <pre>
 *   open every task ──&gt; wait until all workers opened theirs ──&gt; loop:
 *       stop requested?  exit
 *       paused?          park, continue
 *       step every unfinished task once; work = tasks that progressed
 *       all tasks finished? exit
 *       idle(work)
 *   finally: close every task (on this thread), report the exit
 * </pre>
 *
 * Nothing in the loop allocates, so a warm worker's allocation counter stays flat.
 */
final class Worker implements Runnable {

    private final String name;
    private final NodeTask[] tasks;
    private final IdleStrategy idle;
    private final Session session;
    private final boolean blocking;
    private volatile Thread thread;

    Worker(String name, List<NodeTask> tasks, IdleStrategy idle, Session session, boolean blocking) {
        this.name = name;
        this.tasks = tasks.toArray(NodeTask[]::new);
        this.idle = idle;
        this.session = session;
        this.blocking = blocking;
    }

    String name() {
        return name;
    }

    NodeTask[] tasks() {
        return tasks;
    }

    boolean isBlocking() {
        return blocking;
    }

    Thread thread() {
        return thread;
    }

    Thread start() {
        Thread t = Thread.ofPlatform().name(name).daemon(true).unstarted(this);
        thread = t;
        t.start();
        return t;
    }

    @Override
    public void run() {
        try {
            if (openAll() && session.awaitAllOpened()) {
                loop();
            }
        } finally {
            for (NodeTask t : tasks) {
                t.abandon();
                try {
                    t.close();
                } catch (Throwable e) {
                    session.closeFailed(t, e);
                }
            }
            session.workerExited(this);
        }
    }

    private boolean openAll() {
        for (NodeTask t : tasks) {
            if (session.isStopRequested()) {
                session.openFinished();
                return false;
            }
            try {
                t.open();
            } catch (Throwable e) {
                session.fail(t, "open", e);
                session.openFinished();
                return false;
            }
        }
        session.openFinished();
        return true;
    }

    private void loop() {
        NodeTask current = null;
        try {
            while (!session.isStopRequested()) {
                if (session.isPaused()) {
                    session.parkWhilePaused();
                    idle.reset();
                    continue;
                }
                int work = 0;
                int active = 0;
                for (NodeTask t : tasks) {
                    if (!t.isFinished()) {
                        current = t;
                        work += t.step();
                        active++;
                    }
                }
                current = null;
                if (active == 0) {
                    return;
                }
                idle.idle(work);
            }
        } catch (Throwable e) {
            if (current != null) {
                session.fail(current, current.lastCall(), e);
            } else {
                session.failEngine(name, e);
            }
        }
    }
}
